import type { AppConfig } from '@acervo/runtime';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { APP_CONFIG } from './app-config';

/**
 * Request-rate limits per client address, counted in Redis so every replica sees the
 * same numbers (in memory, per process, only when the installation has no Redis).
 * Failed logins are limited separately, per account and per address, in PostgreSQL.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.redisUrl) new Logger('RateLimit').warn('no REDIS_URL: rate limits are counted per process');
        return {
          // Named 'default' so the answer carries a plain Retry-After header.
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.auth.rateLimitPerMinute }],
          storage: config.redisUrl
            ? new ThrottlerStorageRedisService(
                new Redis(config.redisUrl, { keyPrefix: `${config.queuePrefix}:throttle:`, maxRetriesPerRequest: 1 }),
              )
            : undefined,
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
