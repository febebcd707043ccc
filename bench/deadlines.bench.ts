/**
 * The expiry sweep at its worst: BENCH_DEADLINES (default 100 000) deadlines due at the
 * same instant, recorded by one worker's sweep — the batches that mark them, write the
 * Prazo vencido events and the notices. Prints the time and the rate; fails under the
 * target rate. Results go to bench/results/.
 */
import { MOVEMENTS } from '@acervo/domain';
import { SystemClock } from '@acervo/runtime';
import { seedDueDeadlines } from '@acervo/testing';
import { DeadlineSweep } from '../apps/worker/src/deadlines/deadline-sweep.service';
import { DEFAULT_TIMINGS } from '../apps/worker/src/worker-config';
import { log, runBench, withBenchDatabase, writeResults } from './bench-database';

const DEADLINES = Number(process.env.BENCH_DEADLINES ?? 100_000);
const PER_PROCESS = 4;
/** Deadlines recorded per second, at least (scaled by BENCH_TARGET_FACTOR like the other targets). */
const TARGET_RATE = 5_000 / Number(process.env.BENCH_TARGET_FACTOR ?? 1);

async function main(): Promise<boolean> {
  return withBenchDatabase('deadlines', async (db) => {
    const seeded = Date.now();
    await seedDueDeadlines(db, {
      processes: Math.ceil(DEADLINES / PER_PROCESS),
      perProcess: PER_PROCESS,
      dueAt: new Date(Date.now() - 60_000),
    });
    log(`seeded ${DEADLINES} due deadlines in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const sweep = new DeadlineSweep(db, new SystemClock(), DEFAULT_TIMINGS);
    const t0 = performance.now();
    const { expired } = await sweep.run();
    const seconds = (performance.now() - t0) / 1000;
    const [{ events }] = await db.query(`SELECT count(*)::int AS events FROM process_events WHERE code = $1`, [
      MOVEMENTS.DEADLINE_EXPIRED.code,
    ]);
    const rate = expired / seconds;
    log(
      `swept ${expired} deadlines (${events} events) in ${seconds.toFixed(1)} s: ${Math.round(rate)}/s, ` +
        `batches of ${DEFAULT_TIMINGS.sweepBatch}; target ≥ ${TARGET_RATE}/s ${rate >= TARGET_RATE ? 'ok' : 'MISSED'}`,
    );
    await writeResults('deadlines', { deadlines: DEADLINES, batch: DEFAULT_TIMINGS.sweepBatch, seconds, rate, events });
    return expired === DEADLINES && events === DEADLINES && rate >= TARGET_RATE;
  });
}

runBench(main);
