import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@acervo/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from './common/config.module';
import { DatabaseModule } from './common/database.module';
import { loggingParams } from './common/logging';
import { RedisModule } from './common/redis.module';
import { HealthModule } from './modules/health/health.module';
import { UsersModule } from './modules/users/users.module';

/** The SPA, when built, is served at `/`; every unknown non-API path falls back to its index. */
function spa(config: AppConfig): DynamicModule[] {
  if (!config.webDir || !existsSync(join(config.webDir, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: config.webDir,
      exclude: ['/api/{*rest}', '/health'],
      serveStaticOptions: { index: 'index.html', maxAge: '1h' },
    }),
  ];
}

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
        ...spa(config),
      ],
    };
  }
}
