/**
 * `pnpm bench`: the boxes, counts, lookups by number and full-text search on a large
 * office (BENCH_PROCESSES, default 200 000; the target is a million), against a real
 * PostgreSQL (DATABASE_URL's server, or an embedded one). Prints p50/p95 per query and
 * fails when a p95 misses its target. Results go to bench/results/.
 */
import { SystemClock } from '@acervo/runtime';
import { BoxesService } from '../apps/api/src/modules/processes/boxes.service';
import { AccessLog } from '../apps/api/src/common/audit/access-log';
import { ProcessReader } from '../apps/api/src/modules/processes/process-reader';
import {
  type BenchDataSource,
  explainStatements,
  log,
  runBench,
  withBenchDatabase,
  writeResults,
} from './bench-database';

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 200_000);
const UNITS = 50;
const RUNS = 25;
/** Scales every target (a slower machine than the reference one, or a check of the check). */
const TARGET_FACTOR = Number(process.env.BENCH_TARGET_FACTOR ?? 1);

/** p95 targets in milliseconds, per query. */
const TARGETS: Record<string, number> = {
  'inbox, first page': 150,
  'secretaria, first page': 150,
  'secretaria, page 5 (cursor)': 150,
  'conclusos, first page': 150,
  'archived, first page': 150,
  'waiting, first page': 150,
  'deadlines, first page': 150,
  'outbox, first page': 150,
  'sidebar counts': 400,
  'by exact number': 20,
  'full-text search': 250,
};

async function main(): Promise<boolean> {
  return withBenchDatabase('boxes', async (db) => {
    const started = Date.now();
    const viewer = await seed(db);
    log(`seeded ${PROCESSES} processes in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const actor = { userId: viewer, sessionId: 'bench', username: 'bench', assignments: [] };
    const clock = new SystemClock();
    const boxes = new BoxesService(db, clock);
    const reader = new ProcessReader(db, new AccessLog(), clock);
    const page = { limit: 50 } as never;
    let cursor: string | undefined;
    const results: Record<string, { p50: number; p95: number; target: number }> = {};
    const measure = async (label: string, run: () => Promise<unknown>) => {
      if (process.env.BENCH_EXPLAIN) await explainStatements(db, label, run);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      results[label] = {
        p50: times[Math.floor(RUNS / 2)],
        p95: times[Math.floor(RUNS * 0.95)],
        target: TARGETS[label] * TARGET_FACTOR,
      };
    };

    await measure('inbox, first page', () => boxes.page(actor, 'inbox', page));
    await measure('secretaria, first page', () => boxes.page(actor, 'secretaria', page));
    for (let i = 0; i < 4; i++) {
      cursor = (await boxes.page(actor, 'secretaria', { limit: 50, cursor } as never)).nextCursor ?? undefined;
    }
    await measure('secretaria, page 5 (cursor)', () => boxes.page(actor, 'secretaria', { limit: 50, cursor } as never));
    await measure('conclusos, first page', () => boxes.page(actor, 'conclusos', page));
    await measure('outbox, first page', () => boxes.page(actor, 'outbox', page));
    await measure('archived, first page', () => boxes.page(actor, 'archived', page));
    await measure('waiting, first page', () => boxes.page(actor, 'waiting', page));
    await measure('deadlines, first page', () => boxes.page(actor, 'deadlines', page));
    await measure('sidebar counts', () => boxes.counts(actor));
    await measure('by exact number', () => reader.byNumber(actor, 'B00.2026.000777'));
    await measure('full-text search', () => reader.search(actor, 'merenda escolar', 50));

    const failed = Object.entries(results).filter(([, r]) => r.p95 > r.target);
    for (const [label, r] of Object.entries(results)) {
      log(
        `${label.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   target ${r.target} ms ${r.p95 > r.target ? 'MISSED' : 'ok'}`,
      );
    }
    await writeResults('boxes', { processes: PROCESSES, runs: RUNS, results });
    return failed.length === 0;
  });
}

/** A large office in SQL: 50 units, the viewer in the first with Secretaria, processes everywhere. */
async function seed(db: BenchDataSource): Promise<string> {
  await db.query(`INSERT INTO units (code, name, kind, city, uf, version)
    SELECT 'B' || lpad(i::text, 2, '0'), 'Promotoria ' || i, 'PROSECUTION_OFFICE', 'Maceió', 'AL', 1
      FROM generate_series(0, ${UNITS - 1}) i`);
  const [{ id: viewer }] = await db.query(
    `INSERT INTO users (username, full_name, email, version) VALUES ('bench', 'Bench', 'b@b', 1) RETURNING id`,
  );
  const [{ id: colleague }] = await db.query(
    `INSERT INTO users (username, full_name, email, version) VALUES ('colega', 'Colega', 'c@c', 1) RETURNING id`,
  );
  await db.query(
    `INSERT INTO assignments (user_id, unit_id, profile, secretaria) SELECT $1, id, 'MEMBER', true FROM units WHERE code = 'B00'`,
    [viewer],
  );
  // Every unit alike (the moduli are independent of the unit's): 40% Secretaria, 30% concluso
  // (to the viewer about one in three hundred), 20% archived, 10% external; one in ten at
  // level 1, one in twenty with priority.
  await db.query(
    `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
       registered_by, priority, secrecy_level, location, holder_id, located_at, access_key, version)
     SELECT u.code || '.2026.' || lpad((i / ${UNITS} + 1)::text, 6, '0'), 'NF', '10011', s.summary, u.id, u.id,
            now() - (i || ' minutes')::interval, $1, (i / 7) % 20 = 0, CASE WHEN (i / 3) % 10 = 0 THEN 1 ELSE 0 END,
            l.location,
            CASE WHEN l.location = 'CONCLUSO' THEN (CASE WHEN (i / 3) % 300 = 1 THEN $1::uuid ELSE $2::uuid END) END,
            now() - (i || ' seconds')::interval, 'K', 1
       FROM generate_series(0, ${PROCESSES - 1}) i
       JOIN LATERAL (SELECT id, code FROM units WHERE code = 'B' || lpad((i % ${UNITS})::text, 2, '0')) u ON true
       JOIN LATERAL (SELECT CASE WHEN (i / ${UNITS}) % 10 < 4 THEN 'SECRETARIA' WHEN (i / ${UNITS}) % 10 < 7 THEN 'CONCLUSO'
                                 WHEN (i / ${UNITS}) % 10 < 9 THEN 'ARCHIVED' ELSE 'EXTERNAL' END AS location) l ON true
       JOIN LATERAL (SELECT CASE WHEN i % 97 = 0 THEN 'Irregularidade na merenda escolar ' || i
                                 ELSE 'Apuração de fatos ' || i END AS summary) s ON true`,
    [viewer, colleague],
  );
  // The viewer once held about one process in sixty-four: its Saída.
  await db.query(
    `INSERT INTO process_custody (process_id, unit_id, holder_id, from_at, to_at)
     SELECT id, unit_id, $1, located_at - interval '1 day', located_at FROM processes WHERE (hashtext(number) & 63) = 0`,
    [viewer],
  );
  // Every open process runs its legal term; one in ten waits on an internal deadline, a
  // third of those already past due.
  await db.query(
    `INSERT INTO deadlines (process_id, kind, description, wait, starts_at, due_at, created_at)
     SELECT id, 'LEGAL', 'Prazo legal de NF', false, registered_at, registered_at + interval '30 days', registered_at
       FROM processes WHERE location <> 'ARCHIVED'`,
  );
  await db.query(
    `INSERT INTO deadlines (process_id, kind, description, wait, starts_at, due_at, created_at)
     SELECT id, 'INTERNAL', 'Resposta a ofício', true, located_at,
            located_at + CASE WHEN (hashtext(number) & 3) = 0 THEN interval '-1 day' ELSE interval '20 days' END, located_at
       FROM processes WHERE location IN ('SECRETARIA', 'CONCLUSO') AND (hashtext(number) % 10) = 0`,
  );
  // The deadlines' trigger rewrote most process rows: vacuum as autovacuum would by now.
  await db.query(`VACUUM ANALYZE`);
  return viewer;
}

runBench(main);
