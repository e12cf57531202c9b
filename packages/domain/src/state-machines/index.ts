export * from './notice-item';
export * from './auth-request';
export * from './appeal';
export * from './listing';
export * from './gft-status';
