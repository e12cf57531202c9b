export * from './access';
export * from './attention';
export * from './email';
export * from './preferences';
export * from './read-state';
