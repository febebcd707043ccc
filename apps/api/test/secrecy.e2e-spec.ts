import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;

describe('secrecy: explicit permissions and denials, the access explainer, the access log', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let db: DataSource;
  let unitA: { id: string; code: string };
  let unitB: { id: string; code: string };
  let chief: Signed;
  let member: Signed;
  let analyst: Signed;
  let manager: Signed;
  let inspector: Signed;
  let outsider: Signed;
  let outsiderChief: Signed;
  let groupId: string;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
  });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const writes = () => count(`SELECT (SELECT count(*) FROM access_rules) + (SELECT count(*) FROM process_events) AS n`);
  const register = async (level: number, over: object = {}) =>
    (
      await as(chief)
        .post('/processes', {
          unitId: unitA.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Apuração sigilosa de contratos',
          secrecyLevel: level,
          responsibleMemberId: member.id,
          parties: [{ name: 'Testemunha Protegida', type: 'Testemunha', secret: true }],
          ...over,
        })
        .expect(201)
    ).body as { id: string; number: string };
  const sees = async (user: { token: string }, id: string) => {
    const res = await as(user).get(`/processes/${id}`);
    expect([200, 404]).toContain(res.status);
    return res.status === 200;
  };
  const draft = async (processId: string) =>
    (
      await as(member)
        .post(`/processes/${processId}/documents`, {
          typeCode: 'DESPACHO',
          title: 'Despacho',
          content: '<p>Conteúdo</p>',
        })
        .expect(201)
    ).body as { id: string; secrecyLevel: number };

  const setLevel = async (documentId: string, level: number) => {
    const { version } = (await as(member).get(`/documents/${documentId}`).expect(200)).body;
    await as(member).post(`/documents/${documentId}/secrecy`, { version, level }).expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    unitA = await createUnit(t);
    unitB = await createUnit(t);
    chief = await flow.signedInUser({ profile: 'CHIEF', unitId: unitA.id, secretaria: true });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id });
    analyst = await flow.signedInUser({ profile: 'ANALYST', unitId: unitA.id, linkedMemberId: member.id });
    manager = await flow.signedInUser({ profile: 'MANAGER', unitId: unitA.id });
    inspector = await flow.signedInUser({ profile: 'INSPECTOR', unitId: unitA.id });
    outsider = await flow.signedInUser({ profile: 'ANALYST', unitId: unitB.id });
    outsiderChief = await flow.signedInUser({ profile: 'CHIEF', unitId: unitB.id });
    [{ id: groupId }] = await db.query(
      `INSERT INTO user_groups (name, unit_id, version) VALUES ('Força-tarefa', $1, 1) RETURNING id`,
      [unitA.id],
    );
    await db.query(`INSERT INTO user_group_members (group_id, user_id) VALUES ($1, $2)`, [groupId, outsider.id]);
  });

  afterAll(() => t.close());

  describe('permission and denial on a process', () => {
    it('lets a user of another unit in by permission, with its event and in the authorisation list', async () => {
      const p = await register(2);
      expect(await sees(outsider, p.id)).toBe(false);
      const res = await as(chief)
        .post(`/processes/${p.id}/permissions`, {
          subjectType: 'USER',
          subjectId: outsider.id,
          effect: 'ALLOW',
          justification: 'Colaboração com a força-tarefa',
        })
        .expect(201);
      expect(res.body).toEqual({ id: expect.any(String) });
      expect(await sees(outsider, p.id)).toBe(true);
      const search = await as(outsider).get('/processes?q=contratos&limit=100').expect(200);
      expect(search.body.items.map((i: { id: string }) => i.id)).toContain(p.id);

      const events = (await as(member).get(`/processes/${p.id}/events`).expect(200)).body.items;
      expect(events.at(-1)).toMatchObject({
        code: MOVEMENTS.ACCESS_GRANTED.code,
        actorId: chief.id,
        details: expect.objectContaining({ ruleIds: [res.body.id], subjectId: outsider.id, effect: 'ALLOW' }),
      });
      const list = await as(member).get(`/processes/${p.id}/permissions`).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: res.body.id,
          on: 'PROCESS',
          subjectType: 'USER',
          subjectId: outsider.id,
          effect: 'ALLOW',
          expired: false,
          grantedBy: chief.id,
        }),
      ]);
    });

    it('shuts a unit user out by denial — denial wins over a permission through a group', async () => {
      const p = await register(1);
      expect(await sees(analyst, p.id)).toBe(true);
      await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'USER', subjectId: analyst.id, effect: 'DENY' })
        .expect(201);
      expect(await sees(analyst, p.id)).toBe(false);
      const inbox = await as(analyst).get('/boxes/secretaria?limit=200').expect(200);
      expect(inbox.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);

      await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'GROUP', subjectId: groupId, effect: 'ALLOW' })
        .expect(201);
      expect(await sees(outsider, p.id)).toBe(true);
      await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'USER', subjectId: outsider.id, effect: 'DENY' })
        .expect(201);
      expect(await sees(outsider, p.id)).toBe(false);
    });

    it('removes a rule with its event, and the table decides again', async () => {
      const p = await register(3);
      const { body } = await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'USER', subjectId: analyst.id, effect: 'ALLOW' })
        .expect(201);
      expect(await sees(analyst, p.id)).toBe(true);
      await as(member).delete(`/processes/${p.id}/permissions/${body.id}`).expect(204);
      expect(await sees(analyst, p.id)).toBe(false);
      const events = (await as(member).get(`/processes/${p.id}/events`).expect(200)).body.items;
      expect(events.at(-1)).toMatchObject({ code: MOVEMENTS.ACCESS_RULE_REMOVED.code, details: { ruleId: body.id } });
      await as(member).delete(`/processes/${p.id}/permissions/${body.id}`).expect(404);
    });

    it('stops applying a rule at its expiry (the application clock)', async () => {
      const p = await register(2);
      const expiresAt = new Date(t.clock.now().getTime() + 60_000).toISOString();
      await as(member)
        .post(`/processes/${p.id}/permissions`, {
          subjectType: 'USER',
          subjectId: outsider.id,
          effect: 'ALLOW',
          expiresAt,
        })
        .expect(201);
      expect(await sees(outsider, p.id)).toBe(true);
      t.clock.advance(60_000);
      expect(await sees(outsider, p.id)).toBe(false);
      const list = await as(member).get(`/processes/${p.id}/permissions`).expect(200);
      expect(list.body.items[0]).toMatchObject({ expiresAt, expired: true });
    });

    it('on level 5 only the responsible member grants; others do not even learn it exists', async () => {
      const p = await register(5);
      const before = await writes();
      await as(chief)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'USER', subjectId: outsider.id, effect: 'ALLOW' })
        .expect(404);
      expect(await writes()).toBe(before);
      await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'USER', subjectId: outsiderChief.id, effect: 'ALLOW' })
        .expect(201);
      expect(await sees(outsiderChief, p.id)).toBe(true);
      expect(await sees(chief, p.id)).toBe(false);
    });

    it.each<[string, () => Signed, (p: string) => object, number, string | null]>([
      [
        'a non-member of the unit',
        () => analyst,
        () => ({ subjectType: 'USER', subjectId: outsider.id, effect: 'ALLOW' }),
        403,
        null,
      ],
      [
        'someone who does not see it',
        () => outsiderChief,
        () => ({ subjectType: 'USER', subjectId: outsider.id, effect: 'ALLOW' }),
        404,
        null,
      ],
      [
        'an unknown subject type',
        () => member,
        () => ({ subjectType: 'UNIT', subjectId: outsider.id, effect: 'ALLOW' }),
        400,
        'subjectType',
      ],
      [
        'an unknown user',
        () => member,
        () => ({ subjectType: 'USER', subjectId: '00000000-0000-4000-8000-000000000000', effect: 'ALLOW' }),
        400,
        'subjectId',
      ],
      [
        'an unknown group',
        () => member,
        () => ({ subjectType: 'GROUP', subjectId: outsider.id, effect: 'ALLOW' }),
        400,
        'subjectId',
      ],
      [
        'an unknown effect',
        () => member,
        () => ({ subjectType: 'USER', subjectId: outsider.id, effect: 'MAYBE' }),
        400,
        'effect',
      ],
      [
        'an expiry in the past',
        () => member,
        () => ({ subjectType: 'USER', subjectId: outsider.id, effect: 'ALLOW', expiresAt: '2020-01-01T00:00:00Z' }),
        400,
        'expiresAt',
      ],
      [
        'a denial of oneself',
        () => member,
        () => ({ subjectType: 'USER', subjectId: member.id, effect: 'DENY' }),
        400,
        'subjectId',
      ],
    ])('refuses %s, writing nothing', async (_label, who, body, status, field) => {
      const p = await register(2);
      const before = await writes();
      const res = await as(who()).post(`/processes/${p.id}/permissions`, body(p.id)).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await writes()).toBe(before);
    });

    it('refuses a second rule for the same subject (409), writing nothing', async () => {
      const p = await register(2);
      const body = { subjectType: 'USER', subjectId: outsider.id, effect: 'ALLOW' };
      await as(member).post(`/processes/${p.id}/permissions`, body).expect(201);
      const before = await writes();
      await as(member)
        .post(`/processes/${p.id}/permissions`, { ...body, effect: 'DENY' })
        .expect(409);
      expect(await writes()).toBe(before);
    });
  });

  describe('permission and denial on documents', () => {
    it('grants over documents of one level, at that level only; raising the level closes it again', async () => {
      const p = await register(0);
      const [d1, d2] = [await draft(p.id), await draft(p.id)];
      for (const d of [d1, d2]) await setLevel(d.id, 3);
      expect((await as(analyst).get(`/documents/${d1.id}`)).status).toBe(404);

      const mismatch = await as(member)
        .post('/documents/permissions', {
          documentIds: [d1.id, d2.id],
          subjectType: 'USER',
          subjectId: analyst.id,
          effect: 'ALLOW',
          level: 2,
        })
        .expect(400);
      expect(mismatch.body.errors[0].field).toBe('level');

      const res = await as(member)
        .post('/documents/permissions', {
          documentIds: [d1.id, d2.id],
          subjectType: 'USER',
          subjectId: analyst.id,
          effect: 'ALLOW',
          level: 3,
        })
        .expect(201);
      expect(res.body.ids).toHaveLength(2);
      await as(analyst).get(`/documents/${d1.id}/content`).expect(200);
      const listed = (await as(analyst).get(`/processes/${p.id}/documents`).expect(200)).body.items;
      expect(listed.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([d1.id, d2.id]));
      const events = (await as(member).get(`/processes/${p.id}/events`).expect(200)).body.items;
      expect(events.at(-1)).toMatchObject({ code: MOVEMENTS.ACCESS_GRANTED.code, documentIds: [d1.id, d2.id] });

      await setLevel(d1.id, 4);
      expect((await as(analyst).get(`/documents/${d1.id}`)).status).toBe(404);
      expect((await as(analyst).get(`/documents/${d2.id}`)).status).toBe(200);
    });

    it('keeps the rules of a level-5 document to its responsible member, removal included', async () => {
      const p = await register(0);
      const d = await draft(p.id);
      await setLevel(d.id, 5);
      const body = { documentIds: [d.id], subjectType: 'USER', subjectId: analyst.id, effect: 'ALLOW', level: 5 };
      await as(chief).post('/documents/permissions', body).expect(404); // chief does not even see it
      const { ids } = (await as(member).post('/documents/permissions', body).expect(201)).body;
      const before409 = await writes();
      await as(member).post('/documents/permissions', body).expect(409);
      expect(await writes()).toBe(before409);
      await as(analyst).get(`/documents/${d.id}`).expect(200);
      const before = await writes();
      await as(chief).delete(`/processes/${p.id}/permissions/${ids[0]}`).expect(403);
      expect(await writes()).toBe(before);
      await as(member).delete(`/processes/${p.id}/permissions/${ids[0]}`).expect(204);
      await as(analyst).get(`/documents/${d.id}`).expect(404);
    });

    it('denies one document to a unit user who sees the rest', async () => {
      const p = await register(0);
      const d = await draft(p.id);
      await as(member)
        .post('/documents/permissions', {
          documentIds: [d.id],
          subjectType: 'GROUP',
          subjectId: groupId,
          effect: 'DENY',
          level: 0,
        })
        .expect(201);
      expect(await sees(outsider, p.id)).toBe(true);
      expect((await as(outsider).get(`/documents/${d.id}/content`)).status).toBe(404);
      const view = await as(outsider).get(`/processes/${p.id}`).expect(200);
      expect(view.body.documents.map((x: { id: string }) => x.id)).not.toContain(d.id);
    });
  });

  describe('the access explainer', () => {
    it('says who sees and why — and agrees with what each of them gets', async () => {
      const p = await register(2);
      await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'GROUP', subjectId: groupId, effect: 'ALLOW' })
        .expect(201);
      await as(member)
        .post(`/processes/${p.id}/permissions`, { subjectType: 'USER', subjectId: manager.id, effect: 'DENY' })
        .expect(201);
      const res = await as(inspector).get(`/processes/${p.id}/access`).expect(200);
      expect(res.body).toMatchObject({ processId: p.id, number: p.number, secrecyLevel: 2, everyone: false });
      const entry = (id: string) => res.body.entries.find((e: { userId: string }) => e.userId === id);
      expect(entry(analyst.id)).toMatchObject({ sees: true, reasons: [{ rule: 'UNIT_LEVEL', profile: 'ANALYST' }] });
      expect(entry(outsider.id)).toMatchObject({
        sees: true,
        reasons: [{ rule: 'GROUP_PERMISSION', groupId, groupName: 'Força-tarefa', on: 'PROCESS' }],
      });
      expect(entry(manager.id)).toMatchObject({
        sees: false,
        reasons: [{ rule: 'UNIT_LEVEL', profile: 'MANAGER' }, { rule: 'USER_DENIAL' }],
      });
      // Never disagrees with the reads themselves: each listed user gets exactly what it says,
      // and nobody it does not list gets in.
      const everyone = [chief, member, analyst, manager, inspector, outsider, outsiderChief];
      for (const user of everyone) {
        expect({ user: user.username, sees: await sees(user, p.id) }).toEqual({
          user: user.username,
          sees: entry(user.id)?.sees ?? false,
        });
      }
    });

    it('explains a document by its own level and rules', async () => {
      const p = await register(0);
      const d = await draft(p.id);
      await setLevel(d.id, 4);
      const res = await as(member).get(`/documents/${d.id}/access`).expect(200);
      const entry = (id: string) => res.body.entries.find((e: { userId: string }) => e.userId === id);
      expect(res.body).toMatchObject({ documentId: d.id, secrecyLevel: 4 });
      expect(entry(analyst.id).sees).toBe(false);
      expect(entry(manager.id).sees).toBe(true);
    });

    it('is for members of the unit and the Corregedoria: 403 to other viewers, 404 to who does not see', async () => {
      const p = await register(1);
      await as(analyst).get(`/processes/${p.id}/access`).expect(403);
      await as(outsiderChief).get(`/processes/${p.id}/access`).expect(404);
      await as(analyst).get(`/processes/${p.id}/permissions`).expect(403);
      await as(chief).get(`/processes/${p.id}/access`).expect(200);
    });
  });

  describe('the access log (CNJ Res. 121/2010)', () => {
    const logged = (processId: string) =>
      count(`SELECT count(*) AS n FROM access_log WHERE process_id = $1`, [processId]);

    it('logs every read of secret content and of another unit’s process, not a unit’s own public ones', async () => {
      const secret = await register(1);
      const open = await register(0);
      await as(analyst).get(`/processes/${open.id}`).expect(200);
      expect(await logged(open.id)).toBe(0);
      await as(outsider).get(`/processes/${open.id}`).expect(200);
      await as(analyst).get(`/processes/${secret.id}`).expect(200);
      await as(analyst).get(`/processes/${secret.id}/events`).expect(200);
      await as(outsider).get(`/processes?number=${secret.number}`).expect(200);
      await t.http().get(`/api/v1/public/processes/${secret.number}?key=WRONG`).expect(403);
      const key = (await as(member).get(`/processes/${secret.id}`).expect(200)).body.accessKey;
      await t.http().get(`/api/v1/public/processes/${secret.number}?key=${key}`).expect(200);

      const log = await as(chief).get(`/audit/access-log?processId=${secret.id}`).expect(200);
      expect(log.body.items.map((i: { how: string; userId: string | null }) => [i.how, i.userId])).toEqual([
        ['PUBLIC_KEY', null],
        ['DETAIL', member.id],
        ['BY_NUMBER', outsider.id],
        ['EVENTS', analyst.id],
        ['DETAIL', analyst.id],
      ]);
      expect(log.body.items[2]).toMatchObject({ number: secret.number, secrecyLevel: 1, ownUnit: false });
      const other = await as(chief).get(`/audit/access-log?processId=${open.id}`).expect(200);
      expect(other.body.items).toEqual([
        expect.objectContaining({ how: 'DETAIL', userId: outsider.id, ownUnit: false }),
      ]);
    });

    it('is read by CHIEF and INSPECTOR for their units only', async () => {
      const p = await register(1);
      await as(analyst).get(`/processes/${p.id}`).expect(200);
      expect((await as(inspector).get(`/audit/access-log?processId=${p.id}`).expect(200)).body.items).toHaveLength(1);
      expect((await as(outsiderChief).get(`/audit/access-log?processId=${p.id}`).expect(200)).body.items).toEqual([]);
      await as(member).get('/audit/access-log').expect(403);
    });
  });

  describe("the MANAGER's list of level-5 numbers", () => {
    it('shows the numbers, and nothing else of the processes', async () => {
      const p = await register(5);
      const res = await as(manager).get(`/units/${unitA.id}/level-5-numbers`).expect(200);
      expect(res.body.numbers).toContain(p.number);
      expect(await sees(manager, p.id)).toBe(false);
      await as(member).get(`/units/${unitA.id}/level-5-numbers`).expect(403);
      const otherManager = await flow.signedInUser({ profile: 'MANAGER', unitId: unitB.id });
      await as(otherManager).get(`/units/${unitA.id}/level-5-numbers`).expect(403);
    });
  });
});
