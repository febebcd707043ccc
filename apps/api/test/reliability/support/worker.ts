import { loadConfig } from '@acervo/runtime';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../../../worker/src/worker.module';
import type { WorkerTimings } from '../../../../worker/src/worker-config';
import type { TestApp } from '../../support/test-app';

/**
 * A worker as main.ts boots it, on the test app's database, Redis, queue prefix and clock,
 * with short cadences so a test sees many sweeps.
 */
export async function startWorker(t: TestApp, timings: Partial<WorkerTimings> = {}): Promise<INestApplicationContext> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: t.db.url,
    REDIS_URL: t.config.redisUrl,
    QUEUE_PREFIX: t.config.queuePrefix,
    SMTP_URL: t.smtp.url,
    LOG_LEVEL: 'silent',
  });
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, {
      clock: t.clock,
      timings: { heartbeatMs: 500, sweepMs: 200, watchdogMs: 300, ...timings },
    }),
    { logger: false },
  );
  await worker.init();
  return worker;
}
