export * from './assignments';
export * from './management';
export * from './units';
