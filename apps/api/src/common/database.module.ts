import { type AppConfig, requireDatabaseUrl } from '@acervo/runtime';
import { dataSourceOptions, runMigrations } from '@acervo/persistence';
import { Global, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, InjectConfig } from './app-config';

/** Applies pending migrations before anything else touches the schema (advisory-locked). */
@Injectable()
class MigrateOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.database.migrateOnStart) return;
    const ran = await runMigrations(this.dataSource);
    if (ran.length) this.logger.log(`applied ${ran.join(', ')}`);
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({
          url: requireDatabaseUrl(config),
          poolSize: config.database.poolSize,
          applicationName: 'acervo-api',
        }),
        // Fail fast at boot instead of retrying for half a minute.
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [MigrateOnStart],
})
export class DatabaseModule {}
