export * from './institution-settings';
export * from './legal-deadlines';
export * from './movements';
