/** Queues shared by whoever produces jobs and the worker that consumes them. */
export const QUEUES = {
  maintenance: 'maintenance',
  deadlines: 'deadlines',
  mail: 'mail',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Payload type of each job, by name, so producers and processors agree at compile time.
 * Jobs carry no data beyond their name: nothing secret ever sits in Redis.
 */
export interface JobPayloads {
  'worker-heartbeat': Record<string, never>;
  'deadline-sweep': Record<string, never>;
  'deadline-digest': Record<string, never>;
}

export type JobName = keyof JobPayloads;
export type JobOf<N extends JobName> = JobPayloads[N];

/** How often a worker proves it is alive, and when the API stops believing it. */
export const WORKER_HEARTBEAT_MS = 15_000;
export const WORKER_STALE_MS = 3 * WORKER_HEARTBEAT_MS;

/** How often due deadlines are swept: the boxes are right at read time anyway; this records the event and notices. */
export const DEADLINE_SWEEP_MS = 5_000;

/** The daily digest goes out at 07:00 in the institution's time zone. */
export const DIGEST_HOUR = 7;
