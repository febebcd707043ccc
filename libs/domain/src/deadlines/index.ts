export * from './due-date';
