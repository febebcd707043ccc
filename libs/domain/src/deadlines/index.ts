export * from './due-date';
export * from './legal';
export * from './rules';
