export * from './database';
export * from './entities';
export * from './errors';
export * from './passwords';
export * from './repositories';
export * from './seed';
export * from './backup';
export * from './webhook-signature';
