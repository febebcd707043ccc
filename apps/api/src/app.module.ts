import type { AppConfig } from '@acervo/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from './common/config.module';
import { DatabaseModule } from './common/database.module';
import { loggingParams } from './common/logging';
import { RedisModule } from './common/redis.module';
import { HealthModule } from './modules/health/health.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggingParams(config.logLevel)),
        DatabaseModule,
        RedisModule,
        HealthModule,
        UsersModule,
      ],
    };
  }
}
