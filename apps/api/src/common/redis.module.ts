import type { AppConfig } from '@acervo/runtime';
import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from './app-config';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

function connect(config: AppConfig): Redis | null {
  if (!config.redisUrl) {
    new Logger('Redis').warn('REDIS_URL is not set: running without Redis');
    return null;
  }
  // Commands fail fast while Redis is away instead of piling up in memory.
  return new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/** The shared Redis connection, or null when the installation runs without Redis. */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: connect }, RedisLifecycle],
  exports: [REDIS],
})
export class RedisModule {}
