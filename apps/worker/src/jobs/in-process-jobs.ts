import { type Clock, localDate } from '@acervo/domain';
import type { JobName } from '@acervo/runtime';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HeartbeatService } from '../heartbeat/heartbeat.service';
import { institutionTimeZone } from '../institution';
import { CLOCK, TIMINGS, type WorkerTimings } from '../worker-config';
import { JobRunner } from './job-runner';
import { schedules } from './schedules';

/** How often the daily jobs look whether their hour has come. */
const DAILY_CHECK_MS = 60_000;

/**
 * Without Redis (a single-machine installation), timers take the queues' place: the same
 * jobs, one run at a time each. /health reports the mode (in-process).
 */
@Injectable()
export class InProcessJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InProcessJobs.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<JobName, Promise<unknown>>();
  private readonly lastDailyRun = new Map<JobName, string>();
  private stopped = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly heartbeat: HeartbeatService,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TIMINGS) private readonly timings: WorkerTimings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.logger.warn('no REDIS_URL: jobs run in-process on timers');
    await this.heartbeat.beat('in-process');
    for (const [name, s] of Object.entries(schedules(this.timings)) as [
      JobName,
      ReturnType<typeof schedules>[JobName],
    ][]) {
      if ('every' in s) this.timers.push(setInterval(() => this.runOnce(name), s.every));
      else {
        const check = () =>
          this.runDaily(name, s.dailyAtHour).catch((e: unknown) => this.logger.error(`${name}: ${String(e)}`));
        this.timers.push(setInterval(() => void check(), DAILY_CHECK_MS));
      }
    }
    this.runOnce('deadline-sweep');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await Promise.all(this.running.values());
    await this.heartbeat.retire();
  }

  /** Runs a job unless its previous run is still going (a long sweep is not started twice). */
  runOnce(name: JobName): Promise<unknown> {
    if (this.stopped) return Promise.resolve();
    const current = this.running.get(name);
    if (current) return current;
    const run = this.runner
      .run(name, 'in-process')
      .catch((e: unknown) => this.logger.error(`${name}: ${String(e)}`))
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  private async runDaily(name: JobName, hour: number): Promise<void> {
    const timeZone = await institutionTimeZone(this.dataSource);
    const now = this.clock.now();
    const today = localDate(now, timeZone);
    const localHour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
    );
    if (localHour < hour || this.lastDailyRun.get(name) === today) return;
    this.lastDailyRun.set(name, today);
    await this.runOnce(name);
  }
}
