import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AuthFlow } from '../../support/auth-flow';
import { createUnit, createUser } from '../../support/factories';
import type { Office } from '../../support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;

type Http = Office['http'];

/** Requests to an app of this process. */
export const httpOf =
  (app: INestApplication): Http =>
  () =>
    request(app.getHttpServer());

/** Requests to one node (an app, an API process), as one signed-in user. */
export function client(http: Http, token: string) {
  return {
    get: (path: string) => http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    /** A multipart request: attach fields and files to it. */
    upload: (path: string) => http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }),
  };
}
export type Client = ReturnType<typeof client>;

/** Polls until the condition holds. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

export const nf = (unitId: string, summary = 'Representação sobre obra inacabada') => ({
  unitId,
  classCode: 'NF',
  subjectCode: '10011',
  summary,
});

/**
 * A distribution centre with a CHIEF and a MANAGER (both may run lotteries) and a group of
 * members of an office, with the given weights.
 */
export async function lotteryOffice(t: Office, flow: AuthFlow, weights: number[]) {
  const centre = await createUnit(t, { kind: 'DISTRIBUTION_CENTER', name: 'Centro de Distribuição Cível' });
  const office = await createUnit(t);
  const chief = await flow.signedInUser({ profile: 'CHIEF', unitId: centre.id, secretaria: true });
  const manager = await flow.signedInUser({ profile: 'MANAGER', unitId: centre.id, secretaria: true });
  const members: string[] = [];
  for (let i = 0; i < weights.length; i++)
    members.push((await createUser(t, { profile: 'MEMBER', unitId: office.id })).id);
  const group = await client(t.http, manager.token)
    .post('/distribution-groups', {
      name: 'Distribuição Cível',
      unitId: centre.id,
      members: members.map((userId, i) => ({ userId, weight: weights[i] })),
    })
    .expect(201);
  return { centre, chief, manager, groupId: group.body.id as string };
}

/** `count` processes registered in the unit, `parallel` at a time, through the given nodes in turn. */
export async function registerMany(by: Client[], unitId: string, count: number, parallel = 8): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, (_, k) =>
      by[(i + k) % by.length].post('/processes', nf(unitId)).expect(201),
    );
    ids.push(...(await Promise.all(batch)).map((r) => r.body.id as string));
  }
  return ids;
}

export function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

interface RecordedCandidate {
  memberId: string;
  weight: number;
  received: number;
}

/**
 * Replays a group's draws and checks that they happened one after another, whatever ran
 * at once: each draw recorded, for every candidate, exactly the count left by all the draws
 * before it (no two draws saw the same counters — no lost update); after every draw each
 * count is within one unit of its weighted share (the domain's compensation invariant,
 * docs/distribution.md); no process was drawn twice; and the stored counters are the
 * replayed ones. Assumes a group whose members were all candidates of every draw.
 */
export async function expectSerialisedDraws(db: DataSource, groupId: string): Promise<number> {
  const draws = await db.query<{ process_id: string; member_id: string; candidates: RecordedCandidate[] }[]>(
    `SELECT process_id, member_id, candidates FROM distribution_draws WHERE group_id = $1`,
    [groupId],
  );
  expect(new Set(draws.map((d) => d.process_id)).size).toBe(draws.length);
  const seen = (d: (typeof draws)[number]) => d.candidates.reduce((sum, c) => sum + c.received, 0);
  draws.sort((a, b) => seen(a) - seen(b));
  const counts = new Map(draws[0]?.candidates.map((c) => [c.memberId, 0]));
  const weights = new Map(draws[0]?.candidates.map((c) => [c.memberId, Number(c.weight)]));
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  let worst = 0;
  draws.forEach((draw, n) => {
    expect(Object.fromEntries(draw.candidates.map((c) => [c.memberId, c.received]))).toEqual(
      Object.fromEntries(counts),
    );
    counts.set(draw.member_id, counts.get(draw.member_id)! + 1);
    for (const [member, w] of weights) worst = Math.max(worst, Math.abs(counts.get(member)! - ((n + 1) * w) / total));
  });
  expect(worst).toBeLessThanOrEqual(1 + 1e-9);
  const stored = await db.query<{ user_id: string; received: number }[]>(
    `SELECT user_id, received FROM distribution_group_members WHERE group_id = $1`,
    [groupId],
  );
  expect(Object.fromEntries(stored.map((r) => [r.user_id, r.received]))).toEqual(Object.fromEntries(counts));
  return draws.length;
}

export type { Signed };
