/** Queue and job names shared by the API (producer) and the worker (consumer). */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

/** Payload type of each job, by name, so producers and processors agree at compile time. */
export interface JobPayloads {
  'worker-heartbeat': Record<string, never>;
}

export type JobName = keyof JobPayloads;
export type JobOf<N extends JobName> = JobPayloads[N];

/** How often a worker proves it is alive, and when the API stops believing it. */
export const WORKER_HEARTBEAT_MS = 15_000;
export const WORKER_STALE_MS = 3 * WORKER_HEARTBEAT_MS;
