import { type Clock, CSPRNG_SEEDS, type SeedSource } from '@acervo/domain';
import type { AppConfig } from '@acervo/runtime';
import { SystemClock } from '@acervo/runtime';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, CLOCK, SEEDS } from './app-config';

/** Makes the validated configuration, the clock and the seed source injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  /**
   * `clock` replaces the system clock (tests step through TOTP windows and deadlines with
   * it); `seeds` replaces the CSPRNG behind lottery batches (statistical tests only).
   */
  static forRoot(
    config: AppConfig,
    clock: Clock = new SystemClock(config.clockOffsetMs),
    seeds: SeedSource = CSPRNG_SEEDS,
  ): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: SEEDS, useValue: seeds },
      ],
      exports: [APP_CONFIG, CLOCK, SEEDS],
    };
  }
}
