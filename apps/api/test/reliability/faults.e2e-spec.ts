import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MOVEMENTS } from '@acervo/domain';
import { parseMail, seedDueDeadlines } from '@acervo/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFlow } from '../support/auth-flow';
import { cpfFor, createUnit, createUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { client, type Client, nf, type Signed, until } from './support/office';
import { type ApiNode, type ProcessOffice, processOffice, WallClockAuthFlow } from './support/nodes';
import { ownPostgres, ownRedis, TEST_DATA } from './support/own-services';
import { workerContext } from './support/worker';
import { DeadlineDigest } from '../../../worker/src/deadlines/deadline-digest.service';
import { DeadlineSweep } from '../../../worker/src/deadlines/deadline-sweep.service';

interface Outcome {
  phase: 'before' | 'down' | 'after';
  what: string;
  status: number | string;
  type?: string;
  retryAfter?: string;
  body?: { type?: string; status?: number; detail?: string };
}

/**
 * Issue 14, item 1. The API on a PostgreSQL and a Redis of the test's own, which the test
 * stops and starts again on the same port while users keep working. (Redis lost with its
 * data and the worker catching up is deadline-worker.e2e-spec.ts; a worker killed in the
 * middle of a sweep is apps/worker/test/deadline-sweep.e2e-spec.ts.) The full mail folder
 * is an API process of its own, given a file system that is really full.
 */
describe('faults', () => {
  describe('PostgreSQL restarted under load', () => {
    let pg: Awaited<ReturnType<typeof ownPostgres>>;
    let t: TestApp;
    let unitId: string;
    let clerk: Signed;
    let member: Signed;

    beforeAll(async () => {
      pg = await ownPostgres('pg-restart');
      t = await createTestApp({ DATABASE_URL: pg.url, AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
      const flow = new AuthFlow(t);
      unitId = (await createUnit(t)).id;
      clerk = await flow.signedInUser({ profile: 'CHIEF', unitId, secretaria: true });
      member = await flow.signedInUser({ profile: 'MEMBER', unitId });
    }, 120_000);

    afterAll(async () => {
      await t?.close();
      await pg?.remove();
    });

    it('in-flight requests fail with 503 problem details, the API reconnects by itself, nothing half-written', async () => {
      const outcomes: Outcome[] = [];
      let phase: Outcome['phase'] = 'before';
      let running = true;
      const record = async (what: string, send: () => request.Test) => {
        const at = phase;
        try {
          const res = await send().timeout(10_000);
          outcomes.push({
            phase: at,
            what,
            status: res.status,
            type: res.headers['content-type'],
            retryAfter: res.headers['retry-after'],
            body: res.body,
          });
          return res;
        } catch (error) {
          outcomes.push({ phase: at, what, status: `no answer: ${(error as Error).message}` });
          return undefined;
        }
      };
      // Users at work: register a process, conclude it to the member, look at the inbox.
      const work = async (as: Client, who: Client) => {
        while (running) {
          const created = await record('register', () => as.post('/processes', nf(unitId)));
          if (created?.status === 201) {
            await record('conclude', () =>
              as.post(`/processes/${created.body.id}/conclude`, { version: 1, userId: member.id }),
            );
          }
          await record('inbox', () => who.get('/boxes/inbox?limit=20'));
          await new Promise((done) => setTimeout(done, 10));
        }
      };
      const [asClerk, asMember] = [client(t.http, clerk.token), client(t.http, member.token)];
      const load = Promise.all(Array.from({ length: 6 }, () => work(asClerk, asMember)));

      await until(async () => outcomes.filter((o) => o.status === 201).length >= 10, 30_000, 'load running');
      phase = 'down';
      await pg.stop(); // fast shutdown: in-flight transactions are cut off
      await new Promise((done) => setTimeout(done, 1_500));
      await pg.restart();
      phase = 'after';
      await until(async () => (await request(t.app.getHttpServer()).get('/health')).status === 200, 15_000, 'health');
      await until(
        async () => outcomes.filter((o) => o.phase === 'after' && o.status === 201).length >= 10,
        30_000,
        'registrations after the restart',
      );
      running = false;
      await load;

      // No hang, no 500: each answer a success or a 503 in problem details, without a stack.
      const unexpected = outcomes.filter((o) => ![200, 201, 503].includes(o.status as number));
      expect(unexpected).toEqual([]);
      const refusals = outcomes.filter((o) => o.status === 503);
      expect(refusals.length).toBeGreaterThan(0);
      for (const r of refusals) {
        expect(r.type).toMatch(/^application\/problem\+json/);
        expect(r.retryAfter).toBe('5');
        expect(r.body).toMatchObject({ type: 'urn:acervo:problem:database-unavailable', status: 503 });
        expect(JSON.stringify(r.body)).not.toMatch(/\bat .+\.(js|ts):\d+|ECONNREFUSED|terminat/i);
      }

      // Nothing half-written: every process has all its events and none extra, every
      // conclusion its event, every acknowledged registration is there, numbers have no gap.
      const db = t.app.get(DataSource);
      const processes = await db.query<
        {
          id: string;
          number: string;
          version: number;
          location: string;
          event_count: number;
          events: number;
          conclusions: number;
          registrations: number;
        }[]
      >(
        `SELECT p.id, p.number, p.version, p.location, p.event_count,
                (SELECT count(*)::int FROM process_events e WHERE e.process_id = p.id) AS events,
                (SELECT count(*)::int FROM process_events e WHERE e.process_id = p.id AND e.code = $2) AS conclusions,
                (SELECT count(*)::int FROM process_events e WHERE e.process_id = p.id AND e.code = $3) AS registrations
           FROM processes p WHERE p.unit_id = $1`,
        [unitId, MOVEMENTS.CONCLUDED.code, MOVEMENTS.REGISTERED.code],
      );
      const broken = processes.filter(
        (p) =>
          p.registrations !== 1 ||
          p.events !== p.event_count ||
          p.version !== p.event_count ||
          (p.location === 'CONCLUSO') !== (p.conclusions === 1),
      );
      expect(broken).toEqual([]);
      const acknowledged = outcomes.filter((o) => o.what === 'register' && o.status === 201).map((o) => o.body);
      const stored = new Set(processes.map((p) => p.id));
      expect(acknowledged.filter((b) => !stored.has((b as { id: string }).id))).toEqual([]);
      const sequentials = processes.map((p) => Number(p.number.split('.')[2])).sort((a, b) => a - b);
      expect(sequentials).toEqual(Array.from({ length: processes.length }, (_, i) => i + 1));

      const counts = (phase: string, status: number) =>
        outcomes.filter((o) => o.phase === phase && o.status === status).length;
      // For docs/reliability.md.
      process.stdout.write(
        `pg restart: ${outcomes.length} requests; before ${counts('before', 201) + counts('before', 200)} ok;` +
          ` in flight at the stop ${counts('before', 503)} × 503;` +
          ` during ${counts('down', 503)} × 503, ${counts('down', 200) + counts('down', 201)} ok;` +
          ` after ${counts('after', 503)} × 503, ${counts('after', 200) + counts('after', 201)} ok;` +
          ` ${processes.length} processes, ${acknowledged.length} acknowledged\n`,
      );
    }, 120_000);
  });

  describe('Redis stopped and started again', () => {
    let redis: Awaited<ReturnType<typeof ownRedis>>;
    let t: TestApp;

    beforeAll(async () => {
      redis = await ownRedis('redis-restart');
      t = await createTestApp({ REDIS_URL: redis.url, AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    }, 60_000);

    afterAll(async () => {
      await t?.close();
      await redis?.remove();
    });

    it('the API keeps serving sign-ins, reads and operations, and uses Redis again when it returns', async () => {
      const flow = new AuthFlow(t);
      const unitId = (await createUnit(t)).id;
      const clerk = await flow.signedInUser({ profile: 'CHIEF', unitId, secretaria: true });
      const member = await flow.signedInUser({ profile: 'MEMBER', unitId });
      const health = async () => (await t.http().get('/health').expect(200)).body.redis.status as string;
      const day = async (as: Client) => {
        const p = (await as.post('/processes', nf(unitId)).expect(201)).body;
        await as.post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
        await client(t.http, member.token).get(`/processes/${p.id}`).expect(200);
        const inbox = (await client(t.http, member.token).get('/boxes/inbox?limit=200').expect(200)).body.items;
        expect(inbox.map((i: { id: string }) => i.id)).toContain(p.id);
      };

      expect(await health()).toBe('up');
      await redis.stop();
      await until(async () => (await health()) === 'down', 10_000, 'Redis seen down');
      await day(client(t.http, clerk.token));
      // A whole sign-in (password, code) while Redis is away.
      const again = await flow.signIn(member.username, member.password, member.secret);
      await client(t.http, again.accessToken).get('/boxes').expect(200);

      await redis.restart();
      await until(async () => (await health()) === 'up', 15_000, 'Redis seen up again');
      await day(client(t.http, clerk.token));
    }, 60_000);
  });

  describe('a full mail folder', () => {
    let t: ProcessOffice;
    let full: ApiNode;
    let folder: string;
    /** The folder as the API process sees it: its tmpfs, reached through its mount namespace. */
    const inside = (...names: string[]) => join(`/proc/${full.child.pid}/root`, folder, ...names);
    const mails = async () => (await readdir(inside())).filter((f) => f !== 'filler');

    beforeAll(async () => {
      // Node 0 mails through SMTP (to set users up); node 1 writes .eml files to MAIL_DIR.
      t = await processOffice(1);
      folder = await mkdtemp(join(TEST_DATA, 'full-mail-'));
      // A 64 KiB tmpfs in a mount namespace of the process's own (unshare, as root or in a
      // user namespace), filled up before node starts: every write to it is ENOSPC.
      const fill = `mount -t tmpfs -o size=64k acervo-mail "$MAIL_DIR" || exit 1; cat /dev/zero > "$MAIL_DIR/filler" 2>/dev/null; exec "$0" "$@"`;
      full = await t.addNode(
        { SMTP_URL: '', MAIL_DIR: folder },
        {
          command: (program, args) => ['unshare', ['--map-root-user', '--mount', 'sh', '-c', fill, program, ...args]],
        },
      );
    }, 120_000);

    afterAll(async () => {
      await t?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it('a request that waits for its mail answers 503, one that does not succeeds; the digest rolls back; nothing half-done; mail flows when space returns', async () => {
      const flow = new WallClockAuthFlow(t);
      const admin = await flow.signedInUser({ profile: 'ADMIN' });
      const on = () => full.http();
      expect((await on().get('/health').expect(200)).body.db.status).toBe('up');
      expect(await mails()).toEqual([]);

      // A new user: created (201), the first-password mail lost and logged, no file left.
      const unitId = (await createUnit(t)).id;
      const created = await on()
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send({
          username: 'nova.servidora',
          fullName: 'Nova Servidora',
          cpf: cpfFor(90_001),
          email: 'nova.servidora@mp.example',
          assignments: [{ unitId, profile: 'INTERN', secretaria: false }],
        })
        .expect(201);
      const [stored] = await t.dataSource.query(`SELECT username FROM users WHERE id = $1`, [created.body.id]);
      expect(stored.username).toBe('nova.servidora');
      // (The mail goes out after the answer.)
      await until(async () => full.output().includes('link for nova.servidora not sent'), 5_000, 'failure logged');
      expect(await mails()).toEqual([]);

      // A password request answers before mailing: 202, and nothing left behind.
      await on()
        .post('/api/v1/auth/password/forgot')
        .send({ username: admin.username, email: admin.email })
        .expect(202);

      // The 2FA confirmation waits for its activation mail: 503 mail-unavailable, 2FA not on.
      const user = await createUser(t, { profile: 'MEMBER', unitId });
      const login = await on().post('/api/v1/auth/login').send({ username: user.username, password: user.password });
      const token = login.body.enrollmentToken as string;
      const { body } = await on().post('/api/v1/auth/totp/enrollment').auth(token, { type: 'bearer' }).expect(200);
      const confirm = () =>
        on()
          .post('/api/v1/auth/totp/enrollment/confirm')
          .auth(token, { type: 'bearer' })
          .send({ code: flow.code(body.secret), email: user.email });
      const refused = await confirm();
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: 'urn:acervo:problem:mail-unavailable', status: 503 });
      const enabled = async () =>
        (await t.dataSource.query(`SELECT totp_enabled_at FROM users WHERE id = $1`, [user.id]))[0].totp_enabled_at;
      expect(await enabled()).toBeNull();
      // Three mails failed on a full disk: each logged, none left as a partial file.
      await until(async () => (full.output().match(/ENOSPC/g) ?? []).length >= 3, 5_000, 'three ENOSPC logged');
      expect(await mails()).toEqual([]);

      // The worker's daily digest, writing to the same full folder (reached through the API
      // process's mount namespace): the send fails, the notices stay unmailed for next time.
      const { memberId } = await seedDueDeadlines(t.dataSource, { processes: 2, perProcess: 1, dueAt: new Date() });
      // (On Redis, under a prefix of its own: the digest's schedule is the next 7 o'clock, never now.)
      const worker = await workerContext({
        ...t.env,
        QUEUE_PREFIX: `${t.env.QUEUE_PREFIX}w`,
        SMTP_URL: '',
        MAIL_DIR: inside(),
      });
      const unmailed = async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND mailed_at IS NULL`,
            [memberId],
          )
        )[0].n as number;
      try {
        await worker.get(DeadlineSweep).run();
        expect(await unmailed()).toBe(2);
        await expect(worker.get(DeadlineDigest).run()).rejects.toThrow(/ENOSPC/);
        expect(await unmailed()).toBe(2);
        expect(await mails()).toEqual([]);

        // Space again: the same confirmation mails a whole message, whose link activates 2FA;
        // the next digest mails the notices.
        await rm(inside('filler'));
        await confirm().expect(202);
        const [file] = await mails();
        const message = await parseMail(await readFile(inside(file)));
        expect(message.to).toEqual([user.email]);
        const link = /#token=([A-Za-z0-9_-]+)/.exec(message.text);
        expect(link).not.toBeNull();
        await on().post('/api/v1/auth/totp/activate').send({ token: link![1] }).expect(200);
        expect(await enabled()).not.toBeNull();

        expect(await worker.get(DeadlineDigest).run()).toBe(1);
        expect(await unmailed()).toBe(0);
        const [{ email }] = await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [memberId]);
        const sent = await Promise.all((await mails()).map(async (f) => parseMail(await readFile(inside(f)))));
        expect(sent.filter((m) => m.to.includes(email)).map((m) => m.subject)).toEqual([
          'Acervo: 2 prazo(s) vencido(s)',
        ]);
      } finally {
        await worker.close();
      }
    }, 120_000);
  });
});
