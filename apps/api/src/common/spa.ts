import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

const NOT_SPA = /^\/(api|health)(\/|$)/;

/**
 * Serves the built SPA at `/`: hashed assets cached for good, and index.html for every
 * other GET outside the API so client-side routes survive a reload. (Hand-written rather
 * than @nestjs/serve-static, whose error handler turns a malformed API body into a 404.)
 */
export function serveSpa(app: NestExpressApplication, webDir: string | undefined): void {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return;
  const index = join(webDir, 'index.html');
  app.use(
    '/assets',
    express.static(join(webDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true, index: false }),
  );
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_SPA.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
