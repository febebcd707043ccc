import type { Clock } from '@acervo/domain';
import type { AppConfig } from '@acervo/runtime';
import { SystemClock } from '@acervo/runtime';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, CLOCK } from './app-config';

/** Makes the validated configuration and the clock injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  /** `clock` replaces the system clock (tests step through TOTP windows and deadlines with it). */
  static forRoot(config: AppConfig, clock: Clock = new SystemClock(config.clockOffsetMs)): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
