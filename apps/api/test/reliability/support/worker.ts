import { loadConfig } from '@acervo/runtime';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../../../worker/src/worker.module';

/**
 * A worker as main.ts boots it, in this process, so a test can run its jobs when it wants
 * (the daily digest is not due in a test's lifetime). `env` is the whole configuration.
 */
export async function workerContext(env: NodeJS.ProcessEnv): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env)), { logger: false });
  await worker.init();
  return worker;
}
