import type { AppConfig } from '@acervo/runtime';
import { SystemClock } from '@acervo/runtime';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, CLOCK } from './app-config';

/** Makes the validated configuration and the clock injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: new SystemClock(config.clockOffsetMs) },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
