import { WORKER_HEARTBEAT_MS } from '@acervo/runtime';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HeartbeatService } from './heartbeat.service';

/** Without Redis, a timer takes the queue's place; the API says so in /health (mode in-process). */
@Injectable()
export class InProcessHeartbeat implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InProcessHeartbeat.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly heartbeat: HeartbeatService) {}

  async onApplicationBootstrap(): Promise<void> {
    this.logger.warn('no REDIS_URL: jobs run in-process on timers');
    await this.heartbeat.beat('in-process');
    this.timer = setInterval(() => {
      this.heartbeat.beat('in-process').catch((e: unknown) => this.logger.error(e));
    }, WORKER_HEARTBEAT_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.heartbeat.retire();
  }
}
