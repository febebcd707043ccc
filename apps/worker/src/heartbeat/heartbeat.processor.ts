import { QUEUES, type JobOf, WORKER_HEARTBEAT_MS } from '@acervo/runtime';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { HeartbeatService } from './heartbeat.service';

/**
 * With Redis, the heartbeat travels through the queue: a fresh heartbeat proves both
 * that the worker runs and that it consumes jobs.
 */
@Processor(QUEUES.maintenance)
export class HeartbeatProcessor extends WorkerHost {
  constructor(private readonly heartbeat: HeartbeatService) {
    super();
  }

  async process(job: Job<JobOf<'worker-heartbeat'>>): Promise<void> {
    if (job.name === 'worker-heartbeat') await this.heartbeat.beat('queue');
  }
}

@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly heartbeat: HeartbeatService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // One scheduler for all workers: the job id is the scheduler's, so replicas never double it.
    await this.queue.upsertJobScheduler(
      'worker-heartbeat',
      { every: WORKER_HEARTBEAT_MS },
      { name: 'worker-heartbeat' },
    );
    await this.heartbeat.beat('queue');
  }

  async onModuleDestroy(): Promise<void> {
    await this.heartbeat.retire();
  }
}
