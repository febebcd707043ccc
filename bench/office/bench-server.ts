import { join } from 'node:path';
import { createDataSource, runMigrations } from '@acervo/persistence';
import { startEmbeddedPostgres } from '@acervo/runtime';
import { log } from '../bench-database';
import { generateOffice, type OfficeFacts } from './office-data';

export const OFFICE_DATABASE = 'acervo_bench_office';
export const BENCH_DIR = join(process.cwd(), '.bench-data');

export interface BenchServer {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the office lives on: DATABASE_URL's server, or an embedded one kept under
 * .bench-data/pg between the generator and the harness (a million processes take minutes to build).
 */
export async function openBenchServer(): Promise<BenchServer> {
  const urlFor = (adminUrl: string) => (database: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL;
    return { adminUrl, urlFor: urlFor(adminUrl), stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({ dir: join(BENCH_DIR, 'pg') });
  return { adminUrl: pg.adminUrl, urlFor: urlFor(pg.adminUrl), stop: pg.stop };
}

/** Recreates `database`, migrated, and fills it with an office of `processes` processes. */
export async function buildOffice(
  server: BenchServer,
  database: string,
  processes: number,
  seed: number,
): Promise<OfficeFacts & { seed: number; seconds: number }> {
  await recreate(server, database);
  const db = createDataSource({ url: server.urlFor(database), poolSize: 2 });
  await db.initialize();
  try {
    await runMigrations(db);
    const started = Date.now();
    const facts = await generateOffice(db, { processes, seed });
    const seconds = (Date.now() - started) / 1000;
    const [{ size }] = await db.query<{ size: string }[]>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    log(
      `office built in ${seconds.toFixed(1)} s: ${facts.processes} processes, ${facts.events} events, ` +
        `${facts.documents} documents, ${size} (seed ${seed})`,
    );
    return { seed, seconds, ...facts };
  } finally {
    await db.destroy();
  }
}

/** An empty database of that name (an earlier one, and its connections, dropped); `template` copies one. */
export async function recreate(server: BenchServer, database: string, template?: string): Promise<void> {
  const admin = createDataSource({ url: server.adminUrl, poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.destroy();
  }
}

/** `--name value` from the command line, else the environment's, else the default. */
export function option(name: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at > 0 ? process.argv[at + 1] : process.env[env];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return value;
}
