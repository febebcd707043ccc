import { dataSourceOptions, WorkerHeartbeatEntity } from '@acervo/persistence';
import { type AppConfig, QUEUES, requireDatabaseUrl, SystemClock } from '@acervo/runtime';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { HeartbeatProcessor, HeartbeatScheduler } from './heartbeat/heartbeat.processor';
import { HeartbeatService } from './heartbeat/heartbeat.service';
import { InProcessHeartbeat } from './heartbeat/in-process-heartbeat';
import { CLOCK } from './worker-config';

/** Queue consumers when Redis is configured; timers in this process otherwise. */
function jobs(config: AppConfig): { imports: DynamicModule[]; providers: Provider[] } {
  if (!config.redisUrl) return { imports: [], providers: [InProcessHeartbeat] };
  return {
    imports: [
      BullModule.forRoot({
        connection: { url: config.redisUrl },
        prefix: config.queuePrefix,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
      BullModule.registerQueue({ name: QUEUES.maintenance }),
    ],
    providers: [HeartbeatProcessor, HeartbeatScheduler],
  };
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
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
      providers: [{ provide: CLOCK, useValue: new SystemClock(config.clockOffsetMs) }, HeartbeatService, ...providers],
    };
  }
}
