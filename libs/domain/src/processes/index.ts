export * from './process-number';
export * from './acting';
export * from './registration';
export * from './boxes';
