import type { JobName } from '@acervo/runtime';
import type { WorkerMode } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DeadlineDigest } from '../deadlines/deadline-digest.service';
import { DeadlineSweep } from '../deadlines/deadline-sweep.service';
import { HeartbeatService } from '../heartbeat/heartbeat.service';

/** What each job does, whether a queue or an in-process timer starts it. */
@Injectable()
export class JobRunner {
  constructor(
    private readonly heartbeat: HeartbeatService,
    private readonly sweep: DeadlineSweep,
    private readonly digest: DeadlineDigest,
  ) {}

  run(name: JobName, mode: WorkerMode): Promise<unknown> {
    switch (name) {
      case 'worker-heartbeat':
        return this.heartbeat.beat(mode);
      case 'deadline-sweep':
        return this.sweep.run();
      case 'deadline-digest':
        return this.digest.run();
    }
  }
}
