export * from './common';
export * from './auth';
export * from './brands';
export * from './users';
export * from './notices';
export * from './messages';
export * from './appeals';
export * from './sellers';
