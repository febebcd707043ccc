export * from './clock';
export * from './config';
export * from './embedded-postgres';
export * from './free-port';
export * from './queues';
export * from './redis-server';
export * from './secrets';
export * from './mail';
