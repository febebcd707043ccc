import type { Clock } from '@acervo/domain';

/** The server's clock, shifted by CLOCK_OFFSET_MS outside production. */
export class SystemClock implements Clock {
  constructor(private readonly offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  wallNow(): Date | undefined {
    return this.offsetMs ? new Date() : undefined;
  }
}
