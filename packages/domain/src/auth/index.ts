export * from './password-policy';
export * from './sessions';
export * from './sign-in-throttle';
