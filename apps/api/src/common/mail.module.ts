import { type AppConfig, Mailer } from '@acervo/runtime';
import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';

/** Mail for the whole API; without SMTP_URL each message is an .eml in MAIL_DIR, its file logged. */
@Global()
@Module({
  providers: [
    {
      provide: Mailer,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Mail');
        return new Mailer(config, (message) => logger.log(message));
      },
    },
  ],
  exports: [Mailer],
})
export class MailModule {}
