import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { MOVEMENTS } from '@acervo/domain';
import { createDataSource } from '@acervo/persistence';
import { loadConfig, QUEUES, stopChild } from '@acervo/runtime';
import { createTestDatabase, harnessValue, seedDueDeadlines, type TestDatabase } from '@acervo/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QueueConsumers } from '../src/jobs/queue-consumers';
import { WorkerModule } from '../src/worker.module';
import type { WorkerTimings } from '../src/worker-config';

const WORKER_MAIN = resolve(__dirname, '../dist/main.js');
const DUE = 10_000;

/**
 * The sweep as operations run it: real worker processes (the built main.js) on the run's
 * Redis, against 10 000 deadlines due at the same instant.
 */
describe('deadline sweep: exactly once, across crashes and concurrent workers', () => {
  let db: TestDatabase;
  let sql: DataSource;
  const workers: ChildProcess[] = [];
  const contexts: INestApplicationContext[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    sql = createDataSource({ url: db.url, poolSize: 2 });
    await sql.initialize();
    // 1 000 processes × 10 deadlines: each process's events are numbered within one batch and across batches.
    await seedDueDeadlines(sql, { processes: DUE / 10, perProcess: 10, dueAt: new Date(Date.now() - 60_000) });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => stopChild(w, 5_000)));
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await sql.destroy();
    await db.drop();
  });

  /** A worker process of its own, as `pnpm start` or a container runs it. */
  function startWorker(prefix: string): ChildProcess {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        REDIS_URL: harnessValue('redisUrl'),
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  }

  /** A worker in this process, with short cadences, to look inside or to run without Redis. */
  async function workerContext(
    redisUrl: string,
    prefix: string,
    timings: Partial<WorkerTimings> = {},
  ): Promise<INestApplicationContext> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    });
    const context = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, { timings: { heartbeatMs: 500, sweepMs: 200, watchdogMs: 300, ...timings } }),
      { logger: false },
    );
    await context.init();
    contexts.push(context);
    return context;
  }

  const recorded = async () =>
    Number((await sql.query(`SELECT count(*) AS n FROM deadlines WHERE expired_at IS NOT NULL`))[0].n);

  async function until(condition: () => Promise<boolean>, timeoutMs: number, pollMs = 20): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms (recorded: ${await recorded()})`);
      await new Promise((done) => setTimeout(done, pollMs));
    }
  }

  /** Every deadline expired once: one mark, one event, one notice each; every process's history gap-free. */
  async function expectExactlyOnce(): Promise<void> {
    const [r] = await sql.query(
      `SELECT (SELECT count(*) FROM deadlines WHERE expired_at IS NOT NULL)::int AS marked,
              (SELECT count(*) FROM process_events WHERE code = $1)::int AS events,
              (SELECT count(DISTINCT details->>'deadlineId') FROM process_events WHERE code = $1)::int AS distinct_events,
              (SELECT count(*) FROM notifications WHERE kind = 'EXPIRED')::int AS notices,
              (SELECT count(*) FROM processes p
                WHERE p.event_count <> (SELECT count(*) FROM process_events e WHERE e.process_id = p.id)
                   OR p.event_count <> (SELECT max(sequence) FROM process_events e WHERE e.process_id = p.id))::int AS gaps`,
      [MOVEMENTS.DEADLINE_EXPIRED.code],
    );
    expect(r).toEqual({ marked: DUE, events: DUE, distinct_events: DUE, notices: DUE, gaps: 0 });
  }

  it('killed in the middle of the sweep and started again, records every expiry exactly once', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const first = startWorker(prefix);
    await until(async () => (await recorded()) > 0, 60_000, 5);
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    const atKill = await recorded();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(DUE);

    startWorker(prefix);
    await until(async () => (await recorded()) === DUE, 60_000);
    await expectExactlyOnce();
  }, 120_000);

  it('two workers sweeping at once double nothing', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    startWorker(prefix);
    startWorker(prefix);
    await until(async () => (await recorded()) === DUE, 60_000);
    // A few more sweeps by both: nothing left to record, nothing recorded twice.
    await new Promise((done) => setTimeout(done, 6_000));
    await expectExactlyOnce();
  }, 120_000);

  it('without Redis sweeps in-process, the same way', async () => {
    await workerContext('', 'unused');
    await until(async () => (await recorded()) === DUE, 60_000);
    await expectExactlyOnce();
  }, 120_000);

  it('keeps one schedule per job however many workers start at once', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    await Promise.all([1, 2, 3].map(() => workerContext(harnessValue('redisUrl'), prefix)));
    const counts = await Promise.all(
      Object.values(QUEUES).map(async (name) => {
        const queue = new Queue(name, { connection: { url: harnessValue('redisUrl') }, prefix });
        try {
          return (await queue.getJobSchedulers()).map((s) => s.key);
        } finally {
          await queue.close();
        }
      }),
    );
    expect(counts.flat().sort()).toEqual(['deadline-digest', 'deadline-sweep', 'worker-heartbeat']);
    await until(async () => (await recorded()) === DUE, 60_000);
    await expectExactlyOnce();
  }, 120_000);

  it('replaces a consumer that stopped taking jobs while Redis answers (the canary)', async () => {
    await sql.query(`UPDATE deadlines SET due_at = now() + interval '1 day'`);
    const context = await workerContext(harnessValue('redisUrl'), `t${randomBytes(4).toString('hex')}`);
    // The failure mode, forced: connected, alive, and taking nothing.
    const consumers = (context.get(QueueConsumers) as unknown as { consumers: Map<string, { pause(): Promise<void> }> })
      .consumers;
    await consumers.get(QUEUES.deadlines)!.pause();
    await sql.query(`UPDATE deadlines SET due_at = now() - interval '1 minute'`);
    await until(async () => (await recorded()) === DUE, 30_000);
    await expectExactlyOnce();
  }, 60_000);

  it('never replaces a consumer that is busy with a long sweep (busy is not stuck)', async () => {
    const restarts = jest.spyOn(
      QueueConsumers.prototype as unknown as { restartConsumer(): Promise<void> },
      'restartConsumer',
    );
    try {
      // 10 000 due in batches of 100 with the cadence at 200 ms: the sweep outlasts three cadences many times over.
      await workerContext(harnessValue('redisUrl'), `t${randomBytes(4).toString('hex')}`, { sweepBatch: 100 });
      await until(async () => (await recorded()) === DUE, 60_000);
      await expectExactlyOnce();
      expect(restarts).not.toHaveBeenCalled();
    } finally {
      restarts.mockRestore();
    }
  }, 120_000);
});
