import { type AppConfig, type JobName, QUEUES, type QueueName } from '@acervo/runtime';
import { InjectQueue } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Job, type Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { HeartbeatService } from '../heartbeat/heartbeat.service';
import { institutionTimeZone } from '../institution';
import { APP_CONFIG, TIMINGS, type WorkerTimings } from '../worker-config';
import { JobRunner } from './job-runner';
import { schedules } from './schedules';

/** How long a consumer may take to close before it is abandoned (replaced, or left to the exiting process). */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * The BullMQ consumers, one per queue, and their job schedulers. Production shape:
 * consumers hold their connection with `maxRetriesPerRequest: null` (BullMQ's
 * requirement); the schedulers are upserted under fixed ids, so any number of workers
 * starting at once keep one schedule; shutdown closes the consumers gracefully (running
 * jobs finish) before the heartbeat is retired.
 *
 * A known BullMQ failure mode: after Redis goes away and comes back, a consumer may stay
 * connected yet never take another job — and a Redis that came back empty has lost the
 * schedules. The recurring jobs are the canary: when a queue's job is overdue while Redis
 * answers, the schedules are upserted again and that queue's consumer is replaced.
 */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueConsumers.name);
  private readonly consumers = new Map<QueueName, Worker>();
  private readonly lastJobAt = new Map<QueueName, number>();
  /** Queues whose consumer is running a job now: busy is not stuck. */
  private readonly busy = new Set<QueueName>();
  private checkRun: Promise<void> = Promise.resolve();
  private readonly queues: Record<QueueName, Queue>;
  private watchdog?: NodeJS.Timeout;
  private checking = false;
  private stopping = false;
  private redisAway = false;

  constructor(
    @InjectQueue(QUEUES.maintenance) maintenance: Queue,
    @InjectQueue(QUEUES.deadlines) deadlines: Queue,
    @InjectQueue(QUEUES.mail) mail: Queue,
    private readonly runner: JobRunner,
    private readonly heartbeat: HeartbeatService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TIMINGS) private readonly timings: WorkerTimings,
  ) {
    this.queues = { maintenance, deadlines, mail };
    for (const queue of Object.values(this.queues)) queue.on('error', (e) => this.connectionError(queue.name, e));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const queue of Object.values(QUEUES)) this.startConsumer(queue);
    // Redis may be away at start: the watchdog schedules as soon as it answers.
    await this.schedule().catch((e: unknown) => this.logger.warn(`job schedules not set yet: ${String(e)}`));
    await this.heartbeat.beat('queue');
    this.watchdog = setInterval(() => {
      if (!this.checking) this.checkRun = this.check();
    }, this.timings.watchdogMs);
  }

  /**
   * SIGTERM: running jobs finish (graceful close) — unless Redis is away, where a graceful
   * close would wait forever for it (and a job could not complete anyway). Either way the
   * wait is bounded: the process must stop. Runs before any module's shutdown hook, while
   * the database is still there for the heartbeat's retirement.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    // A canary check under way could otherwise start a consumer after these are closed.
    await this.checkRun;
    const away = !(await this.redisAnswers());
    await Promise.all([...this.consumers.values()].map((c) => this.close(c, away)));
    await this.heartbeat.retire();
  }

  /** Upserts every job scheduler (idempotent: one schedule per id, however many workers). */
  private async schedule(): Promise<void> {
    const tz = await institutionTimeZone(this.dataSource);
    for (const [name, s] of Object.entries(schedules(this.timings)) as [
      JobName,
      ReturnType<typeof schedules>[JobName],
    ][]) {
      const repeat = 'every' in s ? { every: s.every } : { pattern: `0 ${s.dailyAtHour} * * *`, tz };
      await this.queues[s.queue].upsertJobScheduler(name, repeat, { name, data: {} });
    }
  }

  private startConsumer(queue: QueueName): void {
    if (this.stopping) return;
    const consumer = new Worker(queue, (job: Job) => this.process(queue, job), {
      connection: { url: this.config.redisUrl, maxRetriesPerRequest: null },
      prefix: this.config.queuePrefix,
      concurrency: 1,
    });
    consumer.on('error', (e) => this.connectionError(`${queue} consumer`, e));
    this.consumers.set(queue, consumer);
    this.lastJobAt.set(queue, Date.now());
  }

  private async process(queue: QueueName, job: Job): Promise<void> {
    this.lastJobAt.set(queue, Date.now());
    this.busy.add(queue);
    try {
      await this.runner.run(job.name as JobName, 'queue');
    } finally {
      this.busy.delete(queue);
      this.lastJobAt.set(queue, Date.now());
    }
  }

  /**
   * The canary: queues whose recurring job is overdue here, with Redis answering. Wall
   * time on purpose (Date.now, not the application clock): this measures the queue's
   * cadence, which BullMQ keeps on real time.
   */
  async check(): Promise<void> {
    if (this.checking || this.stopping) return;
    this.checking = true;
    try {
      const now = Date.now();
      // A long sweep (a backlog of thousands) is busy, not stuck: never replaced mid-job.
      const overdue = Object.entries(schedules(this.timings)).filter(
        ([, s]) => 'every' in s && !this.busy.has(s.queue) && now - (this.lastJobAt.get(s.queue) ?? now) > 3 * s.every,
      ) as [JobName, { queue: QueueName; every: number }][];
      if (!overdue.length) return;
      // Redis away: ioredis reconnects by itself; meanwhile the heartbeat goes stale and /health says so.
      if (!(await this.redisAnswers())) return;
      let repaired = false;
      for (const [name, s] of overdue) {
        const scheduler = await this.queues[s.queue].getJobScheduler(name);
        // Another worker took the last run: the queue is consumed, only not by us this time.
        if (scheduler?.next && now - scheduler.next < 3 * s.every) continue;
        this.logger.error(
          `no ${name} job consumed for ${now - this.lastJobAt.get(s.queue)!} ms: restarting the ${s.queue} consumer`,
        );
        await this.restartConsumer(s.queue);
        repaired = true;
      }
      // Schedules lost with a Redis that came back empty are put back (only then: an upsert
      // per check would stir the schedules of every replica for nothing).
      if (repaired) await this.schedule();
    } catch (e) {
      this.logger.warn(`watchdog: ${String(e)}`);
    } finally {
      this.checking = false;
    }
  }

  private async restartConsumer(queue: QueueName): Promise<void> {
    const stuck = this.consumers.get(queue)!;
    await this.close(stuck, true);
    stuck.removeAllListeners();
    this.startConsumer(queue);
  }

  private async close(consumer: Worker, force: boolean): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), CLOSE_TIMEOUT_MS)));
    const outcome = await Promise.race([consumer.close(force).catch(() => undefined), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.logger.warn(`${consumer.name} consumer did not close in ${CLOSE_TIMEOUT_MS} ms`);
  }

  /** A PING answered within the producer connection's command timeout (a half-open socket never hangs us). */
  private async redisAnswers(): Promise<boolean> {
    try {
      const client = (await this.queues.maintenance.client) as unknown as { ping(): Promise<string> };
      await client.ping();
      if (this.redisAway) this.logger.log('Redis answers again');
      this.redisAway = false;
      return true;
    } catch {
      return false;
    }
  }

  /** ioredis retries by itself; an outage is logged once, not at every attempt. */
  private connectionError(source: string, e: Error): void {
    if (this.redisAway) return;
    this.redisAway = true;
    this.logger.warn(`${source}: ${e.message} — waiting for Redis`);
  }
}
