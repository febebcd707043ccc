import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

describe('catalogues and institution settings', () => {
  let t: TestApp;
  let admin: string;
  let member: string;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http().put(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).auth(token, { type: 'bearer' }),
  });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const count = async (table: string) =>
    (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const audited = async (entityType: string, entityId: string) =>
    t.app
      .get(DataSource)
      .query(
        `SELECT action, before, after FROM audit_records WHERE entity_type = $1 AND entity_id = $2 ORDER BY created_at`,
        [entityType, entityId],
      );

  beforeAll(async () => {
    t = await createTestApp();
    const flow = new AuthFlow(t);
    const { secret } = await flow.enroll(TEST_ADMIN.username, TEST_ADMIN.password, 'admin@mp.example');
    admin = (await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret)).accessToken;
    member = (await flow.signedInUser({ profile: 'MEMBER', unitId: (await createUnit(t)).id })).token;
  });

  afterAll(() => t.close());

  it('come seeded: the extrajudicial classes, subjects, every taxonomy code DOMAIN §3 names, document types', async () => {
    const classes = await as(member).get('/classes').expect(200);
    expect(classes.body.items).toEqual(
      expect.arrayContaining(
        ['NF', 'PP', 'IC', 'PIC', 'PA'].map((code) =>
          expect.objectContaining({ code, name: expect.any(String), kind: 'EXTRAJUDICIAL', active: true }),
        ),
      ),
    );
    expect(classes.body.items).toContainEqual(expect.objectContaining({ kind: 'JUDICIAL' }));
    const subjects = await as(member).get('/subjects').expect(200);
    expect(subjects.body.items.length).toBeGreaterThan(5);
    expect(subjects.body.items[0]).toEqual(
      expect.objectContaining({ code: expect.any(String), name: expect.any(String) }),
    );
    const movements = await as(member).get('/movement-types').expect(200);
    const codes = movements.body.items.map((m: { code: string }) => m.code);
    expect(codes).toEqual(expect.arrayContaining(Object.values(MOVEMENTS).map((m) => m.code)));
    // Which of them a person records with "Movimentar": only the generic one.
    const manual = movements.body.items
      .filter((m: { manual: boolean }) => m.manual)
      .map((m: { code: string }) => m.code);
    expect(manual).toEqual([MOVEMENTS.MOVED.code]);
    const types = await as(member).get('/document-types').expect(200);
    expect(types.body.items).toContainEqual(expect.objectContaining({ code: 'DECISAO', decisory: true }));
    expect(types.body.items).toContainEqual(expect.objectContaining({ code: 'OFICIO', decisory: false }));
  });

  it.each([
    ['/classes', 'class', { code: 'acp2', name: 'Ação Civil Pública Coletiva', kind: 'JUDICIAL' }, 'ACP2'],
    ['/subjects', 'subject', { code: '99001', name: 'Saneamento Básico', parentCode: '10110' }, '99001'],
    ['/movement-types', 'movement_type', { code: '990001', name: 'Audiência extrajudicial' }, '990001'],
    ['/document-types', 'document_type', { code: 'ata', name: 'Ata de audiência', decisory: false }, 'ATA'],
  ])('%s: ADMIN adds, renames and deactivates an entry, each audited', async (path, entityType, body, code) => {
    const created = await as(admin).post(path, body).expect(201);
    expect(created.body).toMatchObject({ code, active: true, version: 1 });
    const renamed = await as(admin)
      .patch(`${path}/${code}`, { version: 1, name: 'Outro nome', active: false })
      .expect(200);
    expect(renamed.body).toMatchObject({ code, name: 'Outro nome', active: false, version: 2 });
    const active = await as(member).get(`${path}?active=true`).expect(200);
    expect(active.body.items.map((i: { code: string }) => i.code)).not.toContain(code);
    const trail = await audited(entityType, code);
    expect(trail.map((r: { action: string }) => r.action)).toEqual([
      expect.stringMatching(/created$/),
      expect.stringMatching(/updated$/),
    ]);
    expect(trail[1].before).toMatchObject({ name: body.name });
  });

  it('keeps the movement kinds the code decides: an added type is manual, and nobody makes one a system one or back', async () => {
    const created = await as(admin).post('/movement-types', { code: '990002', name: 'Visita técnica' }).expect(201);
    expect(created.body).toMatchObject({ code: '990002', manual: true });
    const types = await count('movement_types');
    const asSystem = await as(admin)
      .post('/movement-types', { code: '990003', name: 'Falso sistema', manual: false })
      .expect(400);
    expect(fields(asSystem.body)).toEqual(['manual']);
    const unlocked = await as(admin)
      .patch(`/movement-types/${MOVEMENTS.DISTRIBUTED.code}`, { version: 1, manual: true })
      .expect(400);
    expect(fields(unlocked.body)).toEqual(['manual']);
    expect(await count('movement_types')).toBe(types);
    const distributed = await as(member).get('/movement-types').expect(200);
    expect(distributed.body.items).toContainEqual(
      expect.objectContaining({ code: MOVEMENTS.DISTRIBUTED.code, manual: false, version: 1 }),
    );
  });

  it('refuses a taken code in any case (409), bad input (400), a stale version (409), and non-ADMINs (403)', async () => {
    const classes = await count('classes');
    const taken = await as(admin).post('/classes', { code: 'nf', name: 'Outra NF', kind: 'EXTRAJUDICIAL' }).expect(409);
    expect(fields(taken.body)).toEqual(['code']);
    const bad = await as(admin).post('/classes', { code: 'a b', name: '', kind: 'CIVIL' }).expect(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['code', 'name', 'kind']));
    const orphan = await as(admin)
      .post('/subjects', { code: '99002', name: 'Sem pai', parentCode: '00000' })
      .expect(400);
    expect(fields(orphan.body)).toEqual(['parentCode']);
    await as(member).post('/classes', { code: 'ZZ', name: 'Classe nova', kind: 'JUDICIAL' }).expect(403);
    await as(member).patch('/classes/NF', { version: 1, name: 'Renomeada' }).expect(403);
    const stale = await as(admin).patch('/classes/NF', { version: 99, name: 'Notícia' }).expect(409);
    expect(fields(stale.body)).toEqual(['version']);
    await as(admin).patch('/classes/NOPE', { version: 1, name: 'Nada' }).expect(404);
    expect(await count('classes')).toBe(classes);
  });

  describe('legal deadlines', () => {
    it('come with the CNMP defaults', async () => {
      const res = await as(member).get('/legal-deadlines').expect(200);
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            classCode: 'NF',
            duration: { amount: 30, unit: 'DAYS' },
            extension: { amount: 90, unit: 'DAYS' },
            maxExtensions: 1,
          }),
          expect.objectContaining({ classCode: 'IC', duration: { amount: 1, unit: 'YEARS' }, maxExtensions: null }),
        ]),
      );
    });

    it('are replaced as a whole by ADMIN, and refused with an unknown or repeated class', async () => {
      const current = (await as(admin).get('/legal-deadlines').expect(200)).body.items;
      const nf = current.find((r: { classCode: string }) => r.classCode === 'NF');
      const bad = await as(admin)
        .put('/legal-deadlines', { items: [nf, { ...nf, classCode: 'XX' }, nf] })
        .expect(400);
      expect(fields(bad.body)).toEqual(['items.1.classCode', 'items.2.classCode']);
      await as(member).put('/legal-deadlines', { items: current }).expect(403);
      expect((await as(admin).get('/legal-deadlines')).body.items).toEqual(current);

      const changed = current.map((r: { classCode: string }) =>
        r.classCode === 'NF' ? { ...r, duration: { amount: 45, unit: 'DAYS' } } : r,
      );
      const res = await as(admin).put('/legal-deadlines', { items: changed }).expect(200);
      expect(res.body.items).toContainEqual(
        expect.objectContaining({ classCode: 'NF', duration: { amount: 45, unit: 'DAYS' } }),
      );
      const [trail] = await audited('legal_deadlines', 'table');
      expect(trail.action).toBe('legal_deadlines.replaced');
    });

    it('carry one version: a replacement from a stale read is refused, nothing written', async () => {
      const read = (await as(admin).get('/legal-deadlines').expect(200)).body;
      expect(read.version).toEqual(expect.any(Number));
      const withNf = (amount: number) =>
        read.items.map((r: { classCode: string }) =>
          r.classCode === 'NF' ? { ...r, duration: { amount, unit: 'DAYS' } } : r,
        );
      // Another administrator saves first, from the same read.
      const first = await as(admin)
        .put('/legal-deadlines', { items: withNf(60), version: read.version })
        .expect(200);
      expect(first.body.version).toBe(read.version + 1);
      const stale = await as(admin)
        .put('/legal-deadlines', { items: withNf(120), version: read.version })
        .expect(409);
      expect(fields(stale.body)).toEqual(['version']);
      expect((await as(admin).get('/legal-deadlines')).body).toEqual(first.body);
      // A version no table can have is bad input; none at all replaces whatever is there.
      await as(admin)
        .put('/legal-deadlines', { items: withNf(120), version: 0 })
        .expect(400);
      const blind = await as(admin)
        .put('/legal-deadlines', { items: withNf(90) })
        .expect(200);
      expect(blind.body.version).toBe(read.version + 2);
    });
  });

  describe('holidays', () => {
    it('are added by ADMIN, listed by year, unique per date and place, and removed', async () => {
      const natal = await as(admin).post('/holidays', { date: '2026-12-25', name: 'Natal' }).expect(201);
      expect(natal.body).toMatchObject({ date: '2026-12-25', scope: 'NATIONAL', uf: null });
      await as(admin)
        .post('/holidays', { date: '2026-09-16', name: 'Emancipação de Alagoas', scope: 'STATE', uf: 'AL' })
        .expect(201);
      const dup = await as(admin).post('/holidays', { date: '2026-12-25', name: 'Natal de novo' }).expect(409);
      expect(fields(dup.body)).toEqual(['date']);
      const noUf = await as(admin)
        .post('/holidays', { date: '2026-06-24', name: 'São João', scope: 'STATE' })
        .expect(400);
      expect(fields(noUf.body)).toEqual(['uf']);
      await as(admin).post('/holidays', { date: '2026-02-30', name: 'Dia impossível' }).expect(400);
      await as(member).post('/holidays', { date: '2026-11-20', name: 'Consciência Negra' }).expect(403);

      const listed = await as(member).get('/holidays?year=2026').expect(200);
      expect(listed.body.items.map((h: { date: string }) => h.date)).toEqual(['2026-09-16', '2026-12-25']);
      await as(admin).delete(`/holidays/${natal.body.id}`).expect(204);
      expect((await as(member).get('/holidays?year=2026')).body.items).toHaveLength(1);
    });
  });

  describe('institution settings', () => {
    it('are read by everyone and changed by ADMIN with their version', async () => {
      const current = await as(member).get('/institution-settings').expect(200);
      expect(current.body).toMatchObject({
        timeZone: 'America/Sao_Paulo',
        trustedDeviceDays: 30,
        deadlineWarningDays: 5,
        yearEndRecess: true,
        secrecyAssignment: expect.objectContaining({
          MEMBER: 5,
          MANAGER: 4,
          ANALYST: 2,
          ASSISTANT: 1,
          INSPECTOR: null,
        }),
      });
      await as(member)
        .patch('/institution-settings', { version: current.body.version, yearEndRecess: false })
        .expect(403);
      const changed = await as(admin)
        .patch('/institution-settings', {
          version: current.body.version,
          timeZone: 'America/Manaus',
          deadlineWarningDays: 7,
        })
        .expect(200);
      expect(changed.body).toMatchObject({
        timeZone: 'America/Manaus',
        deadlineWarningDays: 7,
        version: current.body.version + 1,
      });
      const stale = await as(admin)
        .patch('/institution-settings', { version: current.body.version, yearEndRecess: false })
        .expect(409);
      expect(fields(stale.body)).toEqual(['version']);
    });

    it('refuse an unknown time zone and a secrecy table above what a profile may see', async () => {
      const current = (await as(admin).get('/institution-settings')).body;
      const bad = await as(admin)
        .patch('/institution-settings', {
          version: current.version,
          timeZone: 'Brasil/Maceio',
          secrecyAssignment: { ...current.secrecyAssignment, ASSISTANT: 3 },
        })
        .expect(400);
      expect(fields(bad.body)).toEqual(['timeZone', 'secrecyAssignment.ASSISTANT']);
      expect((await as(admin).get('/institution-settings')).body).toEqual(current);
    });
  });
});
