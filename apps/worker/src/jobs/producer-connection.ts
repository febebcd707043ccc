import type { AppConfig } from '@acervo/runtime';
import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');

@Injectable()
class ProducerConnectionLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PRODUCER_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * The queues' (producer side) connection: commands fail fast while Redis is away instead
 * of piling up, and time out on a connection that no longer answers. Shared with BullMQ, which then never sends it a QUIT of its own — a QUIT
 * to a Redis that is away fails, and would fail the worker's shutdown; it is simply
 * disconnected here when the worker stops.
 */
@Module({})
export class ProducerConnectionModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProducerConnectionModule,
      providers: [
        {
          provide: PRODUCER_REDIS,
          useFactory: () =>
            new Redis(config.redisUrl!, {
              enableOfflineQueue: false,
              maxRetriesPerRequest: 1,
              // A half-open socket answers nothing, ever: no command waits on it longer than this.
              commandTimeout: 5_000,
            }),
        },
        ProducerConnectionLifecycle,
      ],
      exports: [PRODUCER_REDIS],
    };
  }
}
