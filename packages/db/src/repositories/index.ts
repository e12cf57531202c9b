export * from './audit';
export * from './brands';
export * from './paging';
export * from './sessions';
export * from './users';
export * from './overview';
export * from './notices';
export * from './outbox';
