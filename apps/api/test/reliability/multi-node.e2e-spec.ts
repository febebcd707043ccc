import { randomBytes } from 'node:crypto';
import { MOVEMENTS } from '@acervo/domain';
import { seedDueDeadlines } from '@acervo/testing';
import { createUnit, createUser } from '../support/factories';
import { chunks, client, expectSerialisedDraws, lotteryOffice, nf, registerMany, until } from './support/office';
import { type ProcessOffice, processOffice, WallClockAuthFlow } from './support/nodes';

const DAY = 86_400_000;

/**
 * Issue 14, item 2: two API processes and two worker processes (the built dist/main.js of
 * each, as production runs them) on one PostgreSQL and one Redis, on loopback. Nothing but
 * PostgreSQL and Redis joins them: what one node does, the other must see at once.
 */
describe('multi-node: two APIs and two workers sharing PostgreSQL and Redis', () => {
  let t: ProcessOffice;
  let flow: WallClockAuthFlow;
  const on = (node: number) => t.nodes[node].http();
  const via = (node: number) => t.nodes[node].http;

  async function enrolledUser(spec: Parameters<typeof createUser>[1] = {}) {
    const user = await createUser(t, spec);
    const { secret } = await flow.enroll(user.username, user.password, user.email);
    return { ...user, secret };
  }

  beforeAll(async () => {
    t = await processOffice(2, { AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    flow = new WallClockAuthFlow(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a session issued by A works on B; a refresh on B works on A; a logout on A is seen by B', async () => {
    const user = await enrolledUser();
    const session = await flow.signIn(user.username, user.password, user.secret); // on A
    await on(1).get('/api/v1/me').auth(session.accessToken, { type: 'bearer' }).expect(200);

    const refreshed = (
      await on(1).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200)
    ).body as { accessToken: string; refreshToken: string };
    await on(0).get('/api/v1/me').auth(refreshed.accessToken, { type: 'bearer' }).expect(200);
    // The spent refresh token is spent on every node, and its reuse ends the session everywhere.
    await on(0).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await on(1).get('/api/v1/me').auth(refreshed.accessToken, { type: 'bearer' }).expect(401);

    const again = await flow.signIn(user.username, user.password, user.secret);
    await on(0).post('/api/v1/auth/logout').auth(again.accessToken, { type: 'bearer' }).send({}).expect(204);
    await on(1).get('/api/v1/me').auth(again.accessToken, { type: 'bearer' }).expect(401);
    await on(1).post('/api/v1/auth/refresh').send({ refreshToken: again.refreshToken }).expect(401);
  });

  it('a device trusted on A skips the code on B; cancelled on B, A asks for the code again', async () => {
    const user = await enrolledUser();
    flow.nextStep();
    const challenge = await flow.challenge(user.username, user.password);
    const trusted = await on(0)
      .post('/api/v1/auth/totp/verify')
      .send({ challengeToken: challenge, code: flow.code(user.secret), trustDevice: true })
      .expect(200);
    const cookie = ([] as string[]).concat(trusted.headers['set-cookie'] ?? [])[0].split(';')[0];
    const login = (node: number) =>
      on(node)
        .post('/api/v1/auth/login')
        .set('Cookie', cookie)
        .send({ username: user.username, password: user.password });

    const onB = (await login(1).expect(200)).body;
    expect(onB.status).toBe('authenticated');
    await on(1).delete('/api/v1/auth/trusted-devices').auth(onB.accessToken, { type: 'bearer' }).expect(204);
    expect((await login(0).expect(200)).body.status).toBe('totp_required');
  });

  it('the auth rate limit counts the requests of both nodes (in Redis)', async () => {
    // A pair of replicas of their own, with a small limit and a key space no other test uses.
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: '4', QUEUE_PREFIX: `rl${randomBytes(4).toString('hex')}` };
    const pair = [await t.addNode(env), await t.addNode(env)];
    // A replica counts locally until its Redis connection is up (fail-open, a few ms after boot).
    await new Promise((done) => setTimeout(done, 500));
    const attempt = (node: number) =>
      pair[node].http().post('/api/v1/auth/login').send({ username: 'ninguem', password: 'errada' });
    const statuses: number[] = [];
    for (const node of [0, 1, 0, 1, 0, 1]) statuses.push((await attempt(node)).status);
    // Four allowed in all, not four per node.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('50 registrations at once through both nodes: 50 distinct numbers, no gap', async () => {
    const unit = await createUnit(t);
    const registrars: { token: string }[] = [];
    for (let i = 0; i < 4; i++) registrars.push(await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id }));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => client(via(i % 2), registrars[i % 4].token).post('/processes', nf(unit.id))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const sequentials = answers.map((a) => Number(a.body.number.split('.')[2])).sort((a, b) => a - b);
    expect(sequentials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 60_000);

  it('lotteries of one group sent to both nodes at once keep the counters balanced', async () => {
    const office = await lotteryOffice(t, flow, [1, 1, 1, 1]);
    const runners = [
      client(via(0), office.chief.token),
      client(via(1), office.manager.token),
      client(via(1), office.chief.token),
      client(via(0), office.manager.token),
    ];
    const ids = await registerMany(runners, office.centre.id, 80);
    const answers = await Promise.all(
      chunks(ids, 10).map((batch, i) =>
        runners[i % 4].post(`/distribution-groups/${office.groupId}/lottery`, { processIds: batch }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(await expectSerialisedDraws(t.dataSource, office.groupId)).toBe(80);
    const counters = await t.dataSource.query<{ received: number }[]>(
      `SELECT received FROM distribution_group_members WHERE group_id = $1`,
      [office.groupId],
    );
    expect(counters.map((c) => c.received)).toEqual([20, 20, 20, 20]);
  }, 120_000);

  it('two workers sweeping 60 020 due deadlines expire each exactly once (events and notices counted)', async () => {
    const unit = await createUnit(t);
    const clerk = await flow.signedInUser({ profile: 'CHIEF', unitId: unit.id, secretaria: true });
    const member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    // Deadlines set through both nodes, as users do…
    const viaApi: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [asClerk, asMember] = [client(via(i % 2), clerk.token), client(via((i + 1) % 2), member.token)];
      const p = (await asClerk.post('/processes', { ...nf(unit.id), responsibleMemberId: member.id }).expect(201)).body;
      await asClerk.post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
      await asMember.post(`/processes/${p.id}/deadlines`, { description: 'Resposta ao ofício', days: 2 }).expect(201);
      viaApi.push(p.id);
    }
    // …and 60 000 more, due at the same instant, written straight to the database.
    await seedDueDeadlines(t.dataSource, { processes: 6_000, perProcess: 10, dueAt: new Date(Date.now() + 10 * DAY) });
    // Eleven days on, all of them are due. (Registration also opens each Notícia de Fato's
    // legal deadline, 30 days away: not due then.)
    const later = new Date(Date.now() + 11 * DAY);
    const dueOpen = async () =>
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM deadlines WHERE expired_at IS NULL AND due_at <= $1`, [
          later,
        ])
      )[0].n as number;
    expect(await dueOpen()).toBe(60_020);

    // Two worker processes whose clock is eleven days ahead, started at the same instant
    // (logging at info: each reports what it swept).
    const ahead = { CLOCK_OFFSET_MS: String(11 * DAY) };
    t.addWorker({ ...ahead, LOG_LEVEL: 'info' });
    t.addWorker({ ...ahead, LOG_LEVEL: 'info' });
    await until(async () => (await dueOpen()) === 0, 120_000, 'every due deadline expired');
    await new Promise((done) => setTimeout(done, 6_000)); // more scheduled sweeps, with nothing left to do

    const [r] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM process_events WHERE code = $1)::int AS events,
              (SELECT count(DISTINCT details->>'deadlineId') FROM process_events WHERE code = $1)::int AS distinct_events,
              (SELECT count(*) FROM notifications WHERE kind = 'EXPIRED')::int AS notices,
              (SELECT count(DISTINCT (user_id, deadline_id)) FROM notifications WHERE kind = 'EXPIRED')::int AS distinct_notices,
              (SELECT count(*) FROM deadlines d WHERE d.expired_at IS NOT NULL AND NOT EXISTS
                 (SELECT 1 FROM notifications n WHERE n.deadline_id = d.id AND n.kind = 'EXPIRED'))::int AS unnoticed,
              (SELECT count(*) FROM processes p
                WHERE p.event_count <> (SELECT count(*) FROM process_events e WHERE e.process_id = p.id))::int AS gaps`,
      [MOVEMENTS.DEADLINE_EXPIRED.code],
    );
    expect(r).toEqual({
      events: 60_020,
      distinct_events: 60_020,
      notices: r.distinct_notices,
      distinct_notices: expect.any(Number),
      unnoticed: 0,
      gaps: 0,
    });
    expect(t.workers.every((w) => w.child.exitCode === null)).toBe(true);
    // The workers' own account adds up too: every expiry recorded by one of them, once; and
    // both took part (a sweep of 60 000 outlasts the 5 s cadence, so the next scheduled one
    // starts on the other worker while the first is still at it).
    const swept = t.workers.map((w) => [...w.output().matchAll(/swept: (\d+) expired/g)].map((m) => Number(m[1])));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(swept.flat())).toBe(60_020);
    expect(swept.map(sum).every((n) => n > 0)).toBe(true);
    process.stdout.write(`multi-node sweep: ${swept.map((runs) => `${runs.join(' + ') || 0}`).join(' | ')}\n`);

    // Both replicas, restarted eleven days on, show the same: the deadlines set through the
    // API expired, their processes back in the member's inbox.
    for (const node of [0, 1]) await t.restartNode(node, ahead);
    flow.offsetMs = 11 * DAY;
    const { accessToken } = await flow.signIn(member.username, member.password, member.secret);
    for (const node of [0, 1]) {
      const inbox = (await client(via(node), accessToken).get('/boxes/inbox?limit=200').expect(200)).body.items as {
        id: string;
        deadlineState: string;
      }[];
      const flagged = inbox.filter((i) => viaApi.includes(i.id)).map((i) => i.deadlineState);
      expect(flagged).toEqual(Array(20).fill('EXPIRED'));
    }
  }, 240_000);
});
