export * from './batch';
export * from './lottery';
export * from './template-data';
