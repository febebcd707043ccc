import { DIGEST_HOUR, type JobName, QUEUES, type QueueName } from '@acervo/runtime';
import type { WorkerTimings } from '../worker-config';

export type Schedule = { queue: QueueName; every: number } | { queue: QueueName; dailyAtHour: number };

/** Each recurring job: its queue (a slow digest never holds up a sweep) and when it runs. */
export function schedules(timings: WorkerTimings): Readonly<Record<JobName, Schedule>> {
  return {
    'worker-heartbeat': { queue: QUEUES.maintenance, every: timings.heartbeatMs },
    'deadline-sweep': { queue: QUEUES.deadlines, every: timings.sweepMs },
    'deadline-digest': { queue: QUEUES.mail, dailyAtHour: DIGEST_HOUR },
  };
}
