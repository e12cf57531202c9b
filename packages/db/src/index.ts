export * from './database';
export * from './entities';
