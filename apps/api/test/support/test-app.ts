import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '@acervo/runtime';
import { createTestDatabase, harnessValue, SmtpSink, TestClock, type TestDatabase } from '@acervo/testing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import type { LogStream } from '../../src/common/logging';

/**
 * What the test helpers (factories, AuthFlow) need of the API under test, whether it is an
 * app in this process or API processes of their own (reliability/support/nodes.ts).
 */
export interface Office {
  http: () => ReturnType<typeof request>;
  /** The office's database, for what tests set up or check directly. */
  dataSource: DataSource;
  smtp: SmtpSink;
  /** The clock TOTP codes are computed by: advance it to move through steps and expiries. */
  clock: TestClock;
}

export interface TestApp extends Office {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  /** Boots another app on the same database (a second replica, or a restart). */
  boot(env?: NodeJS.ProcessEnv): Promise<NestExpressApplication>;
  close(): Promise<void>;
}

export const TEST_ADMIN = { username: 'admin', password: 'senha-do-admin-de-teste' } as const;

/**
 * The real API on real services: its own PostgreSQL database cloned from the migrated
 * template, the run's Redis, a real SMTP sink. `env` overrides configuration variables;
 * `logStream` receives the JSON log lines (set LOG_LEVEL too: tests run silent).
 */
export async function createTestApp(
  env: NodeJS.ProcessEnv = {},
  options: { logStream?: LogStream } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const smtp = await new SmtpSink().start();
  const apps: NestExpressApplication[] = [];
  const clock = new TestClock();
  const baseEnv = { ...(await testEnv(db, smtp)), ...env };

  const boot = async (more: NodeJS.ProcessEnv = {}) => {
    const config = loadConfig({ ...baseEnv, ...more });
    // NestFactory, exactly as main.ts boots it.
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, { clock, logStream: options.logStream }),
      {
        bufferLogs: true,
        abortOnError: false,
      },
    );
    configureApp(app);
    await app.init();
    apps.push(app);
    return app;
  };

  const app = await boot();
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    config: loadConfig(baseEnv),
    db,
    smtp,
    clock,
    boot,
    close: async () => {
      for (const a of apps.reverse()) await a.close();
      await smtp.stop();
      await db.drop();
    },
  };
}

/**
 * The configuration of an API under test: its database, the run's Redis under a prefix of
 * its own, the SMTP sink, a fresh data folder, fixed secrets and the test administrator.
 */
export async function testEnv(db: TestDatabase, smtp: SmtpSink): Promise<NodeJS.ProcessEnv> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'acervo-test-')),
    DATABASE_URL: db.url,
    DB_POOL_SIZE: '4',
    REDIS_URL: harnessValue('redisUrl'),
    // Test files share one Redis: each app counts its own rate limits and queues.
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
    TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
  };
}
