import { randomBytes } from 'node:crypto';
import { createDataSource, WorkerHeartbeatEntity } from '@acervo/persistence';
import { loadConfig } from '@acervo/runtime';
import { createTestDatabase, harnessValue, type TestDatabase } from '@acervo/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../src/worker.module';

describe('worker heartbeat', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
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
    const sut = await startWorker(redisUrl());
    const [beat] = await heartbeats(sut);
    expect(beat).toMatchObject({ mode, workerId: expect.stringContaining(':') });
    expect(Date.now() - beat.lastSeenAt.getTime()).toBeLessThan(10_000);

    const probe = createProbe(db.url);
    await sut.close();
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
