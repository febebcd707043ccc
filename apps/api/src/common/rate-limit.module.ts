import type { AppConfig } from '@acervo/runtime';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { APP_CONFIG } from './app-config';
import { FailOpenThrottlerStorage } from './fail-open-throttler-storage';

const THROTTLE_REDIS = Symbol('THROTTLE_REDIS');

/** Its own connection, for its own key prefix; closed with the app (the storage never closes one it was given). */
@Injectable()
class ThrottleRedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

@Module({
  providers: [
    {
      provide: THROTTLE_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? new Redis(config.redisUrl, {
              keyPrefix: `${config.queuePrefix}:throttle:`,
              // While Redis is away a count fails at once, and the storage counts locally.
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
            })
          : null,
    },
    ThrottleRedisLifecycle,
  ],
  exports: [THROTTLE_REDIS],
})
class ThrottleRedisModule {}

/**
 * Request-rate limits per client address, counted in Redis so every replica sees the
 * same numbers (in memory, per process, only when the installation has no Redis).
 * Failed logins are limited separately, per account and per address, in PostgreSQL.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottleRedisModule],
      inject: [APP_CONFIG, THROTTLE_REDIS],
      useFactory: (config: AppConfig, redis: Redis | null) => {
        if (!redis) new Logger('RateLimit').warn('no REDIS_URL: rate limits are counted per process');
        return {
          // Named 'default' so the answer carries a plain Retry-After header.
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.auth.rateLimitPerMinute }],
          storage: redis ? new FailOpenThrottlerStorage(new ThrottlerStorageRedisService(redis)) : undefined,
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
