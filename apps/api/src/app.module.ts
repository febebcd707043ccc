import type { Clock, SeedSource } from '@acervo/domain';
import type { AppConfig } from '@acervo/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditTrailModule } from './common/audit/audit-trail.module';
import { ConfigModule } from './common/config.module';
import { DatabaseModule } from './common/database.module';
import { type LogStream, loggingParams } from './common/logging';
import { MailModule } from './common/mail.module';
import { RedisModule } from './common/redis.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CataloguesModule } from './modules/catalogues/catalogues.module';
import { AttendancesModule } from './modules/attendances/attendances.module';
import { CommunicationsModule } from './modules/communications/communications.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { DistributionModule } from './modules/distribution/distribution.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { DossierModule } from './modules/dossier/dossier.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ProcessesModule } from './modules/processes/processes.module';
import { PublicModule } from './modules/public/public.module';
import { RafModule } from './modules/raf/raf.module';
import { BenchModule } from './modules/bench/bench.module';
import { SecrecyModule } from './modules/secrecy/secrecy.module';
import { TemplatesModule } from './modules/templates/templates.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  /** `logStream`: where the JSON log lines go instead of stdout (tests read them). */
  static forRoot(
    config: AppConfig,
    overrides: { clock?: Clock; seeds?: SeedSource; logStream?: LogStream } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, overrides.clock, overrides.seeds),
        LoggerModule.forRoot(loggingParams(config.logLevel, overrides.logStream)),
        DatabaseModule,
        RedisModule,
        MailModule,
        AuditTrailModule,
        CataloguesModule,
        AuthModule,
        AuditModule,
        HealthModule,
        UsersModule,
        DistributionModule,
        ProcessesModule,
        DocumentsModule,
        PublicModule,
        SecrecyModule,
        DeadlinesModule,
        CommunicationsModule,
        AttendancesModule,
        NotificationsModule,
        RafModule,
        TemplatesModule,
        DossierModule,
        ...(config.benchEndpoints ? [BenchModule] : []),
      ],
    };
  }
}
