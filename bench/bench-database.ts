import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '@acervo/persistence';
import { startEmbeddedPostgres } from '@acervo/runtime';

export type BenchDataSource = ReturnType<typeof createDataSource>;

/**
 * A migrated database of its own for one benchmark, on DATABASE_URL's server or an
 * embedded PostgreSQL under .test-data/, dropped (and the server stopped) afterwards.
 */
export async function withBenchDatabase<T>(name: string, work: (db: BenchDataSource) => Promise<T>): Promise<T> {
  await mkdir(join(process.cwd(), '.test-data'), { recursive: true });
  const dir = await mkdtemp(join(process.cwd(), '.test-data/bench-'));
  const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dir, ephemeral: true });
  const adminUrl = process.env.DATABASE_URL ?? pg!.adminUrl;
  const database = `acervo_bench_${name}_${Date.now()}`;
  const admin = createDataSource({ url: adminUrl, poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const db = createDataSource({ url: url.toString(), poolSize: 4 });
  try {
    await db.initialize();
    await runMigrations(db);
    return await work(db);
  } finally {
    await db.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.destroy();
    await pg?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Keeps a run's numbers in bench/results/<name>-<time>.json. */
export async function writeResults(name: string, data: object): Promise<void> {
  await mkdir('bench/results', { recursive: true });
  const at = new Date().toISOString().slice(0, 19).replace(/:/g, '');
  await writeFile(`bench/results/${name}-${at}.json`, JSON.stringify(data, null, 2));
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs a benchmark's main and exits with its verdict (an exit hook of a dependency may otherwise leave 0). */
export function runBench(main: () => Promise<boolean>): void {
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
