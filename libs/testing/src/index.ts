export * from './harness-env';
export * from './smtp-sink';
export * from './test-database';
export * from './test-clock';
export * from './browser';
export * from './due-deadlines';
export * from './seeded-seeds';
