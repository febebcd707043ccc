export * from './policy';
export * from './public';
export * from './grants';
