import type { AppConfig } from '@acervo/runtime';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from './common/app-config';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { serveSpa } from './common/spa';
import { createValidationPipe } from './common/validation';

export const API_PREFIX = 'api/v1';

/** Everything main.ts and the e2e tests must set up the same way. */
/** Express's default (100 kB) would refuse the lottery's own maximum. */
export const JSON_BODY_LIMIT = '1mb';

export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // TRUST_PROXY: behind a proxy it names, the client address comes from X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.use(
    helmet({
      // Links in mails carry tokens: never leak them in a Referer.
      referrerPolicy: { policy: 'no-referrer' },
      contentSecurityPolicy: {
        directives: {
          // The web client shows a PDF it read with the session's token from a blob: URL; the
          // browser's PDF viewer inherits the policy, and draws with an embedded object.
          frameSrc: ["'self'", 'blob:'],
          objectSrc: ["'self'", 'blob:'],
          // Nothing is loaded from elsewhere: helmet's default `https:` for styles and fonts
          // is dropped. Inline styles stay: the component library sets them at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          // Rewrites even same-origin http URLs to https: on a plain-http installation reached
          // by anything but localhost, the SPA's own scripts would not load.
          upgradeInsecureRequests: config.appUrl.startsWith('https:') ? [] : null,
        },
      },
    }),
  );
  app.use(cookieParser());
  // The largest JSON the contract allows is a lottery of 10 000 process ids (≈ 400 kB);
  // anything past 1 MB is refused with 413 before it is read whole. Files go as multipart.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  serveSpa(app, config.webDir);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
}

/** The OpenAPI 3 document; docs/openapi.json is this, committed and drift-checked. */
export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Acervo API')
    .setDescription(
      'Case management for public prosecution offices, public defenders and state attorneys. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'access-token')
    .build();
  return SwaggerModule.createDocument(app, config);
}
