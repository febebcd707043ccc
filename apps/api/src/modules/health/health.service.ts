import { WORKER_STALE_MS } from '@acervo/runtime';
import type { Clock } from '@acervo/domain';
import { WorkerHeartbeatEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { Repository } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import { InjectRedis } from '../../common/redis.module';
import type { DependencyState, HealthReport, WorkerState } from './health.dto';

const PROBE_TIMEOUT_MS = 1_500;

@Injectable()
export class HealthService {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    @InjectRedis() private readonly redis: Redis | null,
    @InjectRepository(WorkerHeartbeatEntity) private readonly heartbeats: Repository<WorkerHeartbeatEntity>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Only PostgreSQL decides the status; Redis and the worker are reported, not required. */
  async report(): Promise<HealthReport> {
    const db = await this.database();
    const [redis, worker] = await Promise.all([this.redisState(), db.status === 'up' ? this.workerState() : unknown()]);
    return { status: db.status === 'up' ? 'ok' : 'error', db, redis, worker };
  }

  private async database(): Promise<DependencyState> {
    try {
      const result = await this.db.pingCheck('db', { timeout: PROBE_TIMEOUT_MS });
      if (result.db.status === 'up') return { status: 'up' };
      return { status: 'down', message: String(result.db.message ?? 'no answer') };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    }
  }

  private async redisState(): Promise<DependencyState> {
    if (!this.redis) return { status: 'disabled' };
    try {
      await withTimeout(this.redis.ping(), PROBE_TIMEOUT_MS);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    }
  }

  private async workerState(): Promise<WorkerState> {
    const [latest] = await this.heartbeats.find({ order: { lastSeenAt: 'DESC' }, take: 1 });
    if (!latest) return { status: 'unknown', message: 'no worker has reported yet' };
    const fresh = this.clock.now().getTime() - latest.lastSeenAt.getTime() <= WORKER_STALE_MS;
    return { status: fresh ? 'up' : 'down', lastSeenAt: latest.lastSeenAt.toISOString(), mode: latest.mode };
  }
}

async function unknown(): Promise<WorkerState> {
  return { status: 'unknown' };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
