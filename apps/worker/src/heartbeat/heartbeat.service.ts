import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Clock } from '@acervo/domain';
import { WorkerHeartbeatEntity, type WorkerMode } from '@acervo/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK } from '../worker-config';

/** Records that this worker is alive, for /health on any API replica. */
@Injectable()
export class HeartbeatService {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private startedAt?: Date;
  private retired = false;

  constructor(
    @InjectRepository(WorkerHeartbeatEntity) private readonly heartbeats: Repository<WorkerHeartbeatEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async beat(mode: WorkerMode): Promise<void> {
    // A queued beat may still run while the worker stops; it must not revive the row.
    if (this.retired) return;
    const now = this.clock.now();
    this.startedAt ??= now;
    await this.heartbeats.upsert({ workerId: this.workerId, mode, startedAt: this.startedAt, lastSeenAt: now }, [
      'workerId',
    ]);
  }

  /** A stopped worker leaves no stale claim of life behind (called before the pool closes). */
  async retire(): Promise<void> {
    this.retired = true;
    await this.heartbeats.delete({ workerId: this.workerId });
  }
}
