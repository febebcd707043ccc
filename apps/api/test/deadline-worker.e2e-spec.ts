import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOVEMENTS } from '@acervo/domain';
import { findOnPath, loadConfig, type RunningRedis, startRedisServer } from '@acervo/runtime';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { DeadlineDigest } from '../../worker/src/deadlines/deadline-digest.service';
import { WorkerModule } from '../../worker/src/worker.module';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;

/** Short cadences, so a test sees several sweeps and canary checks in a few seconds. */
const FAST = { heartbeatMs: 500, sweepMs: 200, watchdogMs: 300 };

/**
 * The API and the worker together on one database and one clock: a deadline set through
 * the API, the clock moved, the worker recording the expiry — with Redis, and through an
 * outage of Redis.
 */
describe('deadline expiry end to end: API, worker, Redis', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let db: DataSource;
  let member: Signed;
  let clerk: Signed;
  let unitId: string;
  const workers: INestApplicationContext[] = [];

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const expiredEvents = async (processId: string) =>
    Number(
      (
        await db.query(`SELECT count(*) AS n FROM process_events WHERE process_id = $1 AND code = $2`, [
          processId,
          MOVEMENTS.DEADLINE_EXPIRED.code,
        ])
      )[0].n,
    );
  const inbox = async (user: Signed) =>
    (await as(user).get('/boxes/inbox?limit=200').expect(200)).body.items as { id: string; deadlineState: string }[];
  const waiting = async (user: Signed) =>
    ((await as(user).get('/boxes/waiting?limit=200').expect(200)).body.items as { id: string }[]).map((i) => i.id);
  async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  async function startWorker(redisUrl: string): Promise<INestApplicationContext> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.db.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
      SMTP_URL: t.smtp.url,
      APP_URL: 'https://acervo.mp.example',
      LOG_LEVEL: 'silent',
    });
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, { clock: t.clock, timings: FAST }),
      { logger: false },
    );
    await worker.init();
    workers.push(worker);
    return worker;
  }

  /** A process concluso to the member, with one waiting deadline due in `days`. */
  async function waitingProcess(days: number): Promise<{ processId: string; deadlineId: string; dueAt: string }> {
    const p = (
      await as(clerk)
        .post('/processes', {
          unitId,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Ofício sem resposta',
          responsibleMemberId: member.id,
        })
        .expect(201)
    ).body;
    await as(clerk).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
    const d = (
      await as(member).post(`/processes/${p.id}/deadlines`, { description: 'Resposta da Secretaria de Saúde', days })
    ).body;
    return { processId: p.id, deadlineId: d.id, dueAt: d.dueAt };
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    unitId = (await createUnit(t)).id;
    clerk = await flow.signedInUser({ profile: 'CHIEF', unitId, secretaria: true });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  afterAll(() => t.close());

  it('Em espera → clock past due → back in the inbox flagged, one event, the notices, one digest', async () => {
    const worker = await startWorker(t.config.redisUrl!);
    const { processId, deadlineId, dueAt } = await waitingProcess(2);
    expect(await waiting(member)).toContain(processId);

    // Due within the warning days: the holder is told once.
    await until(async () => (await as(member).get('/notifications').expect(200)).body.unread === 1);
    expect((await as(member).get('/notifications').expect(200)).body.items).toEqual([
      expect.objectContaining({ kind: 'DUE_SOON', deadlineId, processId, dueAt }),
    ]);

    t.clock.advance(new Date(dueAt).getTime() - t.clock.now().getTime() + 1_000);
    await until(async () => (await expiredEvents(processId)) === 1);
    expect(await waiting(member)).not.toContain(processId);
    expect((await inbox(member)).find((i) => i.id === processId)?.deadlineState).toBe('EXPIRED');
    const notices = (await as(member).get('/notifications').expect(200)).body;
    expect(notices.items.map((n: { kind: string }) => n.kind)).toEqual(['EXPIRED', 'DUE_SOON']);

    // Several sweeps later, still one event.
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await expiredEvents(processId)).toBe(1);
    const events = (await as(member).get(`/processes/${processId}/events`).expect(200)).body.items;
    expect(events.at(-1)).toMatchObject({
      code: MOVEMENTS.DEADLINE_EXPIRED.code,
      actorId: null,
      details: { deadlineId },
    });

    await as(member).post(`/notifications/${notices.items[0].id}/read`, {}).expect(204);
    expect((await as(member).get('/notifications?unread=true').expect(200)).body.unread).toBe(1);

    // The daily digest: both notices in one mail, never mailed twice.
    t.smtp.clear();
    expect(await worker.get(DeadlineDigest).run()).toBe(1);
    const mail = await t.smtp.waitForMailTo(member.email);
    expect(mail.subject).toBe('Acervo: 1 prazo(s) vencido(s), 1 a vencer');
    expect(mail.text).toContain('Resposta da Secretaria de Saúde');
    expect(mail.text).toContain('https://acervo.mp.example/boxes/deadlines');
    expect(await worker.get(DeadlineDigest).run()).toBe(0);

    const health = (await t.http().get('/health').expect(200)).body;
    expect(health.worker).toMatchObject({ status: 'up', mode: 'queue' });
  });

  it('tells nobody of a process they can no longer see, in the app or by mail', async () => {
    const worker = await startWorker(t.config.redisUrl!);
    const { processId, dueAt } = await waitingProcess(1);
    t.clock.advance(new Date(dueAt).getTime() - t.clock.now().getTime() + 1_000);
    await until(async () => (await expiredEvents(processId)) === 1);
    // The process turns level 5 under another responsible member: the member may no longer see it.
    const before = (await as(member).get('/notifications').expect(200)).body.unread;
    await db.query(`UPDATE processes SET secrecy_level = 5, responsible_member_id = $2 WHERE id = $1`, [
      processId,
      clerk.id,
    ]);
    expect((await as(member).get('/notifications').expect(200)).body.unread).toBeLessThan(before);
    t.smtp.clear();
    await worker.get(DeadlineDigest).run();
    const mails = t.smtp.mails.filter((m) => m.to.includes(member.email));
    expect(mails.every((m) => !m.text.includes(processId))).toBe(true);
  });

  describe('with Redis stopped', () => {
    let redis: RunningRedis;
    let dir: string;

    afterEach(async () => {
      await redis?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('the API keeps serving with the boxes right; when Redis returns (empty) the worker catches up', async () => {
      const binary = findOnPath('redis-server')!;
      dir = await mkdtemp(join(tmpdir(), 'acervo-redis-'));
      redis = await startRedisServer(binary, join(dir, 'before'));
      const port = Number(new URL(redis.url).port);
      await startWorker(redis.url);
      // The API on the same Redis: its health and rate limits depend on it.
      const api = await t.boot({ REDIS_URL: redis.url });
      const http = () => request(api.getHttpServer());

      const { processId, dueAt } = await waitingProcess(1);
      await redis.stop();

      t.clock.advance(new Date(dueAt).getTime() - t.clock.now().getTime() + 1_000);
      // Read time decides: back in the inbox, flagged, with nothing recorded yet.
      expect((await inbox(member)).find((i) => i.id === processId)?.deadlineState).toBe('EXPIRED');
      const health = (await http().get('/health').expect(200)).body;
      expect(health.redis.status).toBe('down');
      // Sign-in does not depend on Redis (rate limits fall back to this process).
      await http().post('/api/v1/auth/login').send({ username: 'ninguem', password: 'errada-mas-longa' }).expect(401);
      await new Promise((done) => setTimeout(done, 1_000));
      expect(await expiredEvents(processId)).toBe(0);

      // Redis returns on the same port without its data: schedules lost, the canary notices and puts them back.
      redis = await startRedisServer(binary, join(dir, 'after'), port);
      await until(async () => (await expiredEvents(processId)) === 1, 30_000);
      expect((await http().get('/health').expect(200)).body.redis.status).toBe('up');
    }, 60_000);
  });

  it('with CLOCK_OFFSET_MS the server lives in the future: the deadline expired, and sign-in takes a real-minute code', async () => {
    const { processId } = await waitingProcess(3);
    // The server as an acceptance check restarts it: the system clock shifted by forty days.
    const shifted = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ ...t.config, clockOffsetMs: 40 * 86_400_000 }),
      { logger: false },
    );
    configureApp(shifted);
    await shifted.init();
    try {
      const http = () => request(shifted.getHttpServer());
      // As if the member had not signed in since: its authenticator shows the real minute.
      await db.query(`UPDATE users SET totp_last_step = NULL WHERE id = $1`, [member.id]);
      const login = await http()
        .post('/api/v1/auth/login')
        .send({ username: member.username, password: member.password });
      expect(login.body.status).toBe('totp_required');
      const verified = await http()
        .post('/api/v1/auth/totp/verify')
        .send({ challengeToken: login.body.challengeToken, code: flow.totp.codeAt(member.secret, new Date()) })
        .expect(200);
      const inbox = await http()
        .get('/api/v1/boxes/inbox?limit=200')
        .auth(verified.body.accessToken, { type: 'bearer' })
        .expect(200);
      expect(inbox.body.items.find((i: { id: string }) => i.id === processId)?.deadlineState).toBe('EXPIRED');
    } finally {
      await shifted.close();
    }
  });
});
