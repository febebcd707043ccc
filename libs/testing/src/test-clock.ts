import type { Clock } from '@acervo/domain';

/** Real time plus an offset the test moves forward (TOTP steps, expiries, deadlines). */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
