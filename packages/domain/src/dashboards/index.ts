export * from './series';
export * from './input';
