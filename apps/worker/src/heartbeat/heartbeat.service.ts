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
  /** Beats run one after another, so retire() can wait for the last one before deleting. */
  private lastBeat: Promise<void> = Promise.resolve();

  constructor(
    @InjectRepository(WorkerHeartbeatEntity) private readonly heartbeats: Repository<WorkerHeartbeatEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  beat(mode: WorkerMode): Promise<void> {
    const beat = this.lastBeat.then(() => this.record(mode));
    this.lastBeat = beat.catch(() => undefined);
    return beat;
  }

  /**
   * A stopped worker leaves no stale claim of life behind (called before the pool closes).
   * A beat already under way when the worker stops finishes first, or its upsert would
   * land after the delete and revive the row.
   */
  async retire(): Promise<void> {
    this.retired = true;
    await this.lastBeat;
    await this.heartbeats.delete({ workerId: this.workerId });
  }

  private async record(mode: WorkerMode): Promise<void> {
    if (this.retired) return;
    const now = this.clock.now();
    this.startedAt ??= now;
    await this.heartbeats.upsert({ workerId: this.workerId, mode, startedAt: this.startedAt, lastSeenAt: now }, [
      'workerId',
    ]);
  }
}
