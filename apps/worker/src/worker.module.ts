import type { Clock } from '@acervo/domain';
import { dataSourceOptions, WorkerHeartbeatEntity } from '@acervo/persistence';
import { type AppConfig, Mailer, QUEUES, requireDatabaseUrl, SystemClock } from '@acervo/runtime';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Logger as NestLogger, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { DeadlineDigest } from './deadlines/deadline-digest.service';
import { DeadlineSweep } from './deadlines/deadline-sweep.service';
import { HeartbeatService } from './heartbeat/heartbeat.service';
import { InProcessJobs } from './jobs/in-process-jobs';
import { JobRunner } from './jobs/job-runner';
import { PRODUCER_REDIS, ProducerConnectionModule } from './jobs/producer-connection';
import { QueueConsumers } from './jobs/queue-consumers';
import { APP_CONFIG, CLOCK, DEFAULT_TIMINGS, TIMINGS, type WorkerTimings } from './worker-config';

/** Queue consumers when Redis is configured; timers in this process otherwise. */
function jobs(config: AppConfig): { imports: DynamicModule[]; providers: Provider[] } {
  if (!config.redisUrl) return { imports: [], providers: [InProcessJobs] };
  return {
    imports: [
      BullModule.forRootAsync({
        imports: [ProducerConnectionModule.forRoot(config)],
        inject: [PRODUCER_REDIS],
        useFactory: (connection: Redis) => ({
          connection,
          prefix: config.queuePrefix,
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        }),
      }),
      ...Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
    ],
    providers: [QueueConsumers],
  };
}

export interface WorkerOverrides {
  clock?: Clock;
  timings?: Partial<WorkerTimings>;
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: WorkerOverrides = {}): DynamicModule {
    const { imports, providers } = jobs(config);
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: requireDatabaseUrl(config), poolSize: 5, applicationName: 'acervo-worker' }),
          retryAttempts: 2,
          retryDelay: 500,
        }),
        TypeOrmModule.forFeature([WorkerHeartbeatEntity]),
        ...imports,
      ],
      providers: [
        { provide: CLOCK, useValue: overrides.clock ?? new SystemClock(config.clockOffsetMs) },
        { provide: APP_CONFIG, useValue: config },
        { provide: TIMINGS, useValue: { ...DEFAULT_TIMINGS, ...overrides.timings } },
        {
          provide: Mailer,
          useFactory: () => {
            const logger = new NestLogger('Mail');
            return new Mailer(config, (message) => logger.log(message));
          },
        },
        HeartbeatService,
        DeadlineSweep,
        DeadlineDigest,
        JobRunner,
        ...providers,
      ],
    };
  }
}
