export * from './process-number';
export * from './acting';
