import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';

/** Where log lines go instead of stdout: anything with write(), as pino takes it (tests read them). */
export interface LogStream {
  write(line: string): void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** JSON logs with a request id (taken from X-Request-Id when sane), secrets redacted. */
export function loggingParams(level: string, stream?: LogStream): Params {
  const options: Options = {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    // Query strings could carry a public-consultation key: log the path only.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
  };
  return {
    // path-to-regexp 8 syntax; the default '*' is deprecated in Nest 11.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: stream ? [options, stream] : options,
  };
}
