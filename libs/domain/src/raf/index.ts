export * from './mapping';
export * from './month';
