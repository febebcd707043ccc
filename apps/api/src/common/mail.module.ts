import { type AppConfig, Mailer } from '@acervo/runtime';
import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';

/** Mail for the whole API; without SMTP_URL each message is an .eml in MAIL_DIR, its links logged. */
@Global()
@Module({
  providers: [
    {
      provide: Mailer,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Mail');
        return new Mailer(config, (file, mail) =>
          logger.log(
            `mail to ${mail.to} written to ${file}; links: ${(mail.text.match(/https?:\/\/\S+/g) ?? []).join(' ')}`,
          ),
        );
      },
    },
  ],
  exports: [Mailer],
})
export class MailModule {}
