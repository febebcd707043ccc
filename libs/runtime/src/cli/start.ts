/**
 * `pnpm start`: one command runs Acervo — PostgreSQL (embedded unless DATABASE_URL),
 * Redis (REDIS_URL, else a redis-server on PATH, else none), then the API (serving the
 * built SPA) and the worker, all on one port. Ctrl-C stops everything in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import pino from 'pino';
import { createDataSource, runMigrations } from '@acervo/persistence';
import { ConfigError, loadConfig } from '../config';
import { installationSecrets } from '../secrets';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { findOnPath, startRedisServer, stopChild } from '../redis-server';

const repoRoot = resolve(__dirname, '../../../..');
const log = pino({ name: 'launcher' });

async function main(): Promise<void> {
  const config = loadConfig();
  const stops: Array<() => Promise<void>> = [];
  const children: ChildProcess[] = [];
  let stopping = false;

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    await Promise.all(children.map((c) => stopChild(c)));
    for (const stop of stops.reverse()) await stop().catch((e) => log.error(e));
    log.info('stopped');
  };
  exitHook.forceExitTimeout(20_000);
  exitHook((done) => void shutdown().finally(done));

  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'pg'),
      onLog: (m) => log.debug({ postgres: m.trim() }),
    });
    stops.push(pg.stop);
    databaseUrl = await pg.ensureDatabase('acervo');
    log.info({ dir: join(config.dataDir, 'pg') }, 'embedded PostgreSQL started');
  }

  let redisUrl = config.redisUrl;
  if (!redisUrl) {
    const binary = findOnPath('redis-server');
    if (binary) {
      const redis = await startRedisServer(binary, join(config.dataDir, 'redis'));
      stops.push(redis.stop);
      redisUrl = redis.url;
      log.info({ dir: join(config.dataDir, 'redis') }, 'redis-server started');
    } else {
      log.warn('no REDIS_URL and no redis-server on PATH: deadlines are swept in-process by the worker');
    }
  }

  // Migrate once here so the worker never starts on an old schema.
  const dataSource = createDataSource({ url: databaseUrl });
  await dataSource.initialize();
  const ran = await runMigrations(dataSource);
  await dataSource.destroy();
  if (ran.length) log.info({ migrations: ran }, 'migrations applied');

  const env: NodeJS.ProcessEnv = {
    ...(await installationSecrets(config.dataDir)),
    ...process.env,
    DATABASE_URL: databaseUrl,
    WEB_DIR: config.webDir ?? join(repoRoot, 'apps/web/dist'),
  };
  if (redisUrl) env.REDIS_URL = redisUrl;

  for (const app of ['api', 'worker']) {
    const child = spawn(process.execPath, [join(repoRoot, `apps/${app}/dist/main.js`)], {
      env,
      stdio: 'inherit',
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log.error({ app, code, signal }, 'a process stopped unexpectedly; stopping the rest');
      void shutdown().finally(() => process.exit(1));
    });
    children.push(child);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log.fatal(error.message);
  else log.fatal({ err: error }, 'start failed');
  process.exit(1);
});
