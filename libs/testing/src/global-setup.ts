import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '@acervo/persistence';
import { startEmbeddedPostgres } from '@acervo/runtime';
import { Client } from 'pg';
import { HARNESS_ENV } from './harness-env';
import { startTestRedis } from './redis';

const TEMPLATE = 'acervo_template';

type Stop = () => Promise<void>;
const stops: Stop[] = [];

/**
 * Once per jest run: one PostgreSQL (embedded, or DATABASE_URL's server), a template
 * database migrated once, and one Redis. Each test file then clones the template.
 */
export async function globalSetup(rootDir: string): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? (await embeddedPostgres(rootDir));
  await createTemplate(adminUrl);
  process.env[HARNESS_ENV.adminUrl] = adminUrl;
  process.env[HARNESS_ENV.templateDatabase] = TEMPLATE;

  const redis = await startTestRedis();
  stops.push(redis.stop);
  process.env[HARNESS_ENV.redisUrl] = redis.url;
}

export async function globalTeardown(): Promise<void> {
  for (const stop of stops.reverse()) await stop();
  stops.length = 0;
}

async function embeddedPostgres(rootDir: string): Promise<string> {
  // Under the checkout, not /tmp: the postgres OS user must reach it, and CI cleans it.
  const dir = await mkdtemp(join(rootDir, '.test-data/pg-'));
  const pg = await startEmbeddedPostgres({ dir, ephemeral: true });
  stops.push(async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return pg.adminUrl;
}

async function createTemplate(adminUrl: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
