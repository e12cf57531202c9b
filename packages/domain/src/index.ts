export * from './model';
export * from './errors';
export * from './api';
export * from './access';
export * from './schemas';
export * from './state-machines';
export * from './policy/gft';
export * from './metrics';
