import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from '../support/auth-flow';
import { createUnit } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { chunks, client, expectSerialisedDraws, lotteryOffice, nf, registerMany } from './support/office';

/**
 * Issue 14, item 3: what two people doing the same thing at the same instant must not
 * break. (50 concurrent registrations and two lotteries at once are in
 * processes.e2e-spec.ts and distribution.e2e-spec.ts; multi-node.e2e-spec.ts repeats both
 * across two API processes.)
 */
describe('concurrency', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    flow = new AuthFlow(t);
    db = t.app.get(DataSource);
  }, 60_000);

  afterAll(() => t?.close());

  it('the same process concluded by two users at the same instant: one 200, one 409, one event (20 rounds)', async () => {
    const unit = await createUnit(t);
    const chief = await flow.signedInUser({ profile: 'CHIEF', unitId: unit.id, secretaria: true });
    const first = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    const second = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    const clerk = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unit.id,
      secretaria: true,
      linkedMemberId: first.id,
    });
    const [byChief, byClerk] = [client(t.http, chief.token), client(t.http, clerk.token)];

    for (let round = 0; round < 20; round++) {
      const p = (await byChief.post('/processes', nf(unit.id)).expect(201)).body as { id: string; version: number };
      const answers = await Promise.all([
        byChief.post(`/processes/${p.id}/conclude`, { version: p.version, userId: second.id }),
        byClerk.post(`/processes/${p.id}/conclude`, { version: p.version, userId: first.id }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      const winner = answers.findIndex((a) => a.status === 200);

      const [row] = await db.query(
        `SELECT p.version, p.holder_id, p.event_count,
                (SELECT count(*)::int FROM process_events e WHERE e.process_id = p.id) AS events,
                (SELECT count(*)::int FROM process_events e WHERE e.process_id = p.id AND e.code = $2) AS conclusions
           FROM processes p WHERE p.id = $1`,
        [p.id, MOVEMENTS.CONCLUDED.code],
      );
      expect(row).toEqual({
        version: p.version + 1,
        holder_id: winner === 0 ? second.id : first.id,
        event_count: 2,
        events: 2,
        conclusions: 1,
      });
    }
  }, 120_000);

  it('six lotteries at once in one weighted group: each draw saw the one before, within quota, no process drawn twice', async () => {
    const office = await lotteryOffice(t, flow, [1, 1, 2, 1, 0.5]);
    const runners = [client(t.http, office.chief.token), client(t.http, office.manager.token)];
    const ids = await registerMany(runners, office.centre.id, 90);

    const answers = await Promise.all(
      chunks(ids, 15).map((batch, i) =>
        runners[i % 2].post(`/distribution-groups/${office.groupId}/lottery`, { processIds: batch }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(await expectSerialisedDraws(db, office.groupId)).toBe(90);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM distributions WHERE group_id = $1 AND ended_at IS NULL`,
      [office.groupId],
    );
    expect(n).toBe(90);

    // Overlapping batches at once: each process still drawn once; the losers wrote no draw.
    const more = await registerMany(runners, office.centre.id, 12);
    const overlapping = await Promise.all(
      [more, [...more].reverse(), more.slice(4), more.slice(0, 6)].map((batch, i) =>
        runners[i % 2].post(`/distribution-groups/${office.groupId}/lottery`, { processIds: batch }),
      ),
    );
    expect(overlapping.map((a) => a.status).filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(overlapping.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const drawn = await expectSerialisedDraws(db, office.groupId);
    const [{ assigned }] = await db.query(
      `SELECT count(DISTINCT process_id)::int AS assigned FROM distributions WHERE process_id = ANY($1::uuid[])`,
      [more],
    );
    expect(drawn - 90).toBe(assigned);
  }, 180_000);
});
