export * from './box-pages';
export * from './box-sql';
export * from './box-counts.store';
export { REBUILD_BOX_TALLIES_SQL } from './box-tallies';
