import { DEADLINE_SWEEP_MS, WORKER_HEARTBEAT_MS } from '@acervo/runtime';

/** Injection tokens of the worker. */
export const CLOCK = Symbol('CLOCK');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const TIMINGS = Symbol('TIMINGS');

/** How often each recurring job runs and how the queue consumers are watched; tests shorten them. */
export interface WorkerTimings {
  heartbeatMs: number;
  sweepMs: number;
  /** Deadlines claimed per statement of a sweep. */
  sweepBatch: number;
  /** How often the canary is checked (see QueueConsumers). */
  watchdogMs: number;
}

export const DEFAULT_TIMINGS: WorkerTimings = {
  heartbeatMs: WORKER_HEARTBEAT_MS,
  sweepMs: DEADLINE_SWEEP_MS,
  sweepBatch: 1_000,
  watchdogMs: WORKER_HEARTBEAT_MS,
};
