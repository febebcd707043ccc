import { Logger } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';

/**
 * Rate limits counted in Redis, and in this process while Redis is away: an outage of the
 * queue's Redis must not take sign-in down with it. Brute force stays bounded meanwhile —
 * failed logins are limited per account and per address in PostgreSQL. (The local
 * counter's sweep timer is unref'd: nothing to close.)
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private outage = false;

  constructor(private readonly shared: ThrottlerStorage) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.outage) this.logger.log('Redis is back: rate limits are shared again');
      this.outage = false;
      return record;
    } catch (e) {
      if (!this.outage) this.logger.warn(`Redis unavailable (${String(e)}): rate limits counted in this process`);
      this.outage = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
