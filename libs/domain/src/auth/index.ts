export * from './password-policy';
export * from './throttle';
