export * from './data-source';
export * from './entities';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './returning';
export * from './sql';
export * from './secrecy';
export * from './boxes';
export * from './prepared';
