import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserEntity } from '@acervo/persistence';
import * as argon2 from 'argon2';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

describe('foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  describe('GET /health', () => {
    it('answers 200 with the state of the database, Redis and the worker', async () => {
      const res = await t.http().get('/health').expect(200);
      expect(res.body).toEqual({
        status: 'ok',
        db: { status: 'up' },
        redis: { status: 'up' },
        worker: { status: 'unknown', message: expect.any(String) },
      });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('reports a worker that beats, and one that stopped beating', async () => {
      const heartbeats = t.app.get(DataSource).getRepository('WorkerHeartbeatEntity');
      const now = new Date();
      await heartbeats.save({ workerId: 'w1', mode: 'queue', startedAt: now, lastSeenAt: now });
      expect((await t.http().get('/health').expect(200)).body.worker).toMatchObject({ status: 'up', mode: 'queue' });
      const old = new Date(now.getTime() - 10 * 60_000);
      await heartbeats.save({ workerId: 'w1', mode: 'queue', startedAt: old, lastSeenAt: old });
      expect((await t.http().get('/health').expect(200)).body.worker).toMatchObject({ status: 'down' });
      await heartbeats.delete({ workerId: 'w1' });
    });

    it('says "disabled" for Redis when the installation runs without it', async () => {
      const app = await t.boot({ REDIS_URL: '' });
      const res = await request(app.getHttpServer()).get('/health').expect(200);
      expect(res.body.redis).toEqual({ status: 'disabled' });
    });
  });

  describe('errors are RFC 9457 problem details', () => {
    it('answers a malformed JSON body with 400 application/problem+json', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "admin", ')
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400 });
    });

    it('reads JSON bodies up to 1 MB (a lottery of 10 000 ids) and refuses larger ones with 413', async () => {
      const ids = Array.from({ length: 10_000 }, () => '7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f');
      // Past the size check, the body reaches authentication: 401, not 413.
      await t
        .http()
        .post('/api/v1/distribution-groups/7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f/lottery')
        .send({ processIds: ids })
        .expect(401);
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'x'.repeat(1_100_000), password: 'y' })
        .expect(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers an unknown route with 404 problem details naming the path', async () => {
      const res = await t.http().get('/api/v1/nao-existe').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, title: 'Não encontrado', instance: '/api/v1/nao-existe' });
    });

    it('carries the request id, taken from X-Request-Id when the caller sends one', async () => {
      const res = await t.http().get('/api/v1/nao-existe').set('X-Request-Id', 'trace-123').expect(404);
      expect(res.headers['x-request-id']).toBe('trace-123');
      expect(res.body.requestId).toBe('trace-123');
    });
  });

  describe('hardening', () => {
    it('sends no Referer with links and forbids framing elsewhere', async () => {
      const res = await t.http().get('/health');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('OpenAPI', () => {
    it('serves an OpenAPI 3 document at /api/docs-json and the UI at /api/docs', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.paths['/health']).toBeDefined();
      await t.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
    });
  });

  describe('bootstrap administrator', () => {
    const users = () => t.app.get(DataSource).getRepository(UserEntity);

    it('is created on an empty database with the configured password (argon2id)', async () => {
      const admin = await users()
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .leftJoinAndSelect('u.assignments', 'a')
        .where('lower(u.username) = :name', { name: TEST_ADMIN.username })
        .getOneOrFail();
      expect(admin.assignments.map((a) => [a.profile, a.unitId])).toEqual([['ADMIN', null]]);
      expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(admin.passwordHash!, TEST_ADMIN.password)).toBe(true);
    });

    it('is kept, not duplicated nor reset, when the API starts again', async () => {
      const before = await users().createQueryBuilder('u').addSelect('u.passwordHash').getMany();
      await t.boot({ BOOTSTRAP_ADMIN_PASSWORD: 'outra-senha-qualquer-123' });
      await t.boot({ BOOTSTRAP_ADMIN_USERNAME: 'outro' });
      const after = await users().createQueryBuilder('u').addSelect('u.passwordHash').getMany();
      expect(after).toEqual(before);
    });
  });

  describe('the SPA', () => {
    it('is served at / and for client-side routes, never for API paths', async () => {
      const webDir = await mkdtemp(join(tmpdir(), 'acervo-web-'));
      await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Acervo</title><div id="app"></div>');
      const app = await t.boot({ WEB_DIR: webDir });
      const http = () => request(app.getHttpServer());
      expect((await http().get('/').expect(200)).text).toContain('<title>Acervo</title>');
      expect((await http().get('/processos/123').expect(200)).text).toContain('<div id="app">');
      await http()
        .get('/api/v1/nao-existe')
        .expect(404)
        .expect('Content-Type', /problem\+json/);
      await http().get('/health').expect(200).expect('Content-Type', /json/);
    });
  });
});
