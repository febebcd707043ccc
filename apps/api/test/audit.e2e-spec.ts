import { AuthFlow } from './support/auth-flow';
import { createUnit, type UserSpec } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('GET /audit/security-events', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let unitA: string;
  let unitB: string;

  const signedIn = (spec: UserSpec) => flow.signedInUser(spec);

  const read = (token: string, query = '') =>
    t.http().get(`/api/v1/audit/security-events${query}`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await createTestApp();
    flow = new AuthFlow(t);
    unitA = (await createUnit(t)).id;
    unitB = (await createUnit(t)).id;
  });

  afterAll(() => t.close());

  it("shows a CHIEF the events of its unit's users only", async () => {
    const chief = await signedIn({ profile: 'CHIEF', unitId: unitA });
    const colleague = await signedIn({ profile: 'MEMBER', unitId: unitA });
    const stranger = await signedIn({ profile: 'MEMBER', unitId: unitB });
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: colleague.username, password: 'senha-errada-longa' })
      .expect(401);

    const res = await read(chief.token, '?limit=200').expect(200);
    const users = new Set(res.body.items.map((i: { userId: string }) => i.userId));
    expect(users.has(colleague.id)).toBe(true);
    expect(users.has(stranger.id)).toBe(false);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'LOGIN_FAILED',
        userId: colleague.id,
        username: colleague.username,
        ip: expect.any(String),
      }),
    );
  });

  it('pages with a cursor, newest first, without repeating or skipping', async () => {
    const inspector = await signedIn({ profile: 'INSPECTOR', unitId: unitA });
    const all = (await read(inspector.token, '?limit=200').expect(200)).body.items.map((i: { id: string }) => i.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await read(
        inspector.token,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      paged.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
  });

  it('refuses other profiles (403), anonymous callers (401) and a forged cursor (400)', async () => {
    const member = await signedIn({ profile: 'MEMBER', unitId: unitA });
    await read(member.token)
      .expect(403)
      .expect('Content-Type', /problem\+json/);
    await t.http().get('/api/v1/audit/security-events').expect(401);
    const chief = await signedIn({ profile: 'CHIEF', unitId: unitB });
    const res = await read(chief.token, '?cursor=bm90LWpzb24').expect(400);
    expect(res.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    await read(chief.token, '?limit=0').expect(400);
  });
});
