export * from './percentile';
export * from './rolling-window';
export * from './turnaround';
export * from './proactive-ratio';
export * from './brand-accuracy';
export * from './authentication';
export * from './detection-quality';
export * from './time-buckets';
