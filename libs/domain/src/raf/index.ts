export * from './mapping';
export * from './month';
export * from './xml';
