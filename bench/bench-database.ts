import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/**
 * How far heap and buffers rise over their collected baseline while `work` runs, sampled
 * after forced collections: what the work holds on to as it goes (a kept file, or all its
 * rows, would grow it by megabytes), not the garbage it leaves for the collector.
 */
export async function retainedAtPeak(
  work: () => Promise<unknown>,
  everyMs: number,
): Promise<{ growthMb: number; samples: number }> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Buffers live outside the JS heap: count them too.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  gc();
  const base = used();
  let peak = base;
  let samples = 0;
  const sampler = setInterval(() => {
    gc();
    samples += 1;
    peak = Math.max(peak, used());
  }, everyMs);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { growthMb: (peak - base) / 1024 / 1024, samples };
}

/**
 * Runs `run` and prints the plan (EXPLAIN ANALYZE) of every statement it issued; writes are
 * named, not explained (explaining one would run it again).
 */
export async function explainStatements(
  db: BenchDataSource,
  label: string,
  run: () => Promise<unknown>,
): Promise<void> {
  const statements: [string, unknown[] | undefined][] = [];
  // Every statement the client sends, plain or prepared (preparedQuery names its texts).
  const pool = (db.driver as unknown as { master: { Client: { prototype: unknown } } }).master;
  const client = pool.Client.prototype as { query: (...args: unknown[]) => unknown };
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') statements.push([first, Array.isArray(second) ? [...second] : undefined]);
    else if (first && typeof first === 'object' && 'text' in first) {
      const { text, values } = first as { text: string; values?: unknown[] };
      statements.push([text, values && [...values]]);
    }
    return query.apply(this, args);
  };
  try {
    await run();
  } finally {
    client.query = query;
  }
  for (const [sql, params] of statements) {
    if (/^\s*(START|BEGIN|COMMIT|ROLLBACK|SET)\b/i.test(sql)) continue;
    if (/^\s*(INSERT|UPDATE|DELETE)/i.test(sql)) {
      log(`--- ${label}: ${sql.trim().split('\n')[0]} (a write, not explained)`);
      continue;
    }
    const plan = await db.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    log(`--- ${label}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}
