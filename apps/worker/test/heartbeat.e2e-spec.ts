import { randomBytes } from 'node:crypto';
import { createDataSource, WorkerHeartbeatEntity } from '@acervo/persistence';
import { loadConfig } from '@acervo/runtime';
import { createTestDatabase, harnessValue, type TestDatabase } from '@acervo/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { HeartbeatService } from '../src/heartbeat/heartbeat.service';
import { WorkerModule } from '../src/worker.module';

describe('worker heartbeat', () => {
  let db: TestDatabase;
  let sut: INestApplicationContext | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  // A worker left running (a failed assertion before close) would keep jest alive forever.
  afterEach(async () => {
    await sut?.close();
    sut = undefined;
  });

  afterAll(() => db.drop());

  async function startWorker(redisUrl: string): Promise<INestApplicationContext> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'silent',
    });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await app.init();
    return app;
  }

  const heartbeats = (app: INestApplicationContext) => app.get(DataSource).getRepository(WorkerHeartbeatEntity).find();

  it.each([
    ['through the queue when Redis is configured', () => harnessValue('redisUrl'), 'queue'],
    ['on a timer when the installation has no Redis', () => '', 'in-process'],
  ])('beats %s, and retires its heartbeat when stopped', async (_label, redisUrl, mode) => {
    const worker = (sut = await startWorker(redisUrl()));
    const beats = await heartbeats(worker);
    expect(beats).toEqual([expect.objectContaining({ mode, workerId: expect.stringContaining(':') })]);
    expect(Date.now() - beats[0].lastSeenAt.getTime()).toBeLessThan(10_000);

    const probe = createProbe(db.url);
    sut = undefined;
    await worker.close();
    expect(await probe()).toBe(0);
  });

  it('lets a beat under way when it stops finish before retiring, so the row stays gone', async () => {
    const worker = (sut = await startWorker(''));
    const service = worker.get(HeartbeatService);
    const inFlight = [service.beat('in-process'), service.beat('in-process'), service.beat('in-process')];

    const probe = createProbe(db.url);
    sut = undefined;
    await worker.close();
    await Promise.all(inFlight);
    expect(await probe()).toBe(0);
  });
});

/** Counts heartbeat rows through a connection of its own (the worker's is closed by then). */
function createProbe(url: string): () => Promise<number> {
  return async () => {
    const probe = createDataSource({ url, poolSize: 1 });
    await probe.initialize();
    try {
      return await probe.getRepository(WorkerHeartbeatEntity).count();
    } finally {
      await probe.destroy();
    }
  };
}
