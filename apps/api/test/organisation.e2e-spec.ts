import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { cpfFor, createUnit, createUser } from './support/factories';
import { createTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;

describe('organisation: units, users, assignments, groups, plantão', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let admin: string;
  let unitA: string;
  let unitB: string;
  let chiefA: Signed;
  let managerA: Signed;
  let inspectorA: Signed;
  let memberA: Awaited<ReturnType<typeof createUser>>;
  let memberB: Awaited<ReturnType<typeof createUser>>;
  let cpfSeq = 9000;

  const count = async (table: string) =>
    (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).auth(token, { type: 'bearer' }),
  });
  const newUser = (over: Record<string, unknown> = {}) => {
    const n = ++cpfSeq;
    return {
      username: `novo.usuario${n}`,
      fullName: `Novo Usuário ${n}`,
      cpf: cpfFor(n),
      email: `novo${n}@mp.example`,
      assignments: [{ unitId: unitA, profile: 'INTERN', secretaria: false }],
      ...over,
    };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await createTestApp();
    flow = new AuthFlow(t);
    const { secret } = await flow.enroll(TEST_ADMIN.username, TEST_ADMIN.password, 'admin@mp.example');
    admin = (await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret)).accessToken;
    unitA = (await createUnit(t)).id;
    unitB = (await createUnit(t)).id;
    chiefA = await flow.signedInUser({ profile: 'CHIEF', unitId: unitA });
    managerA = await flow.signedInUser({ profile: 'MANAGER', unitId: unitA });
    inspectorA = await flow.signedInUser({ profile: 'INSPECTOR', unitId: unitA });
    memberA = await createUser(t, { profile: 'MEMBER', unitId: unitA });
    memberB = await createUser(t, { profile: 'MEMBER', unitId: unitB });
  });

  afterAll(() => t.close());

  describe('units', () => {
    it('are registered by ADMIN, audited, and listed to everyone', async () => {
      const res = await as(admin)
        .post('/units', {
          code: 'CD01',
          name: 'Centro de Distribuição',
          kind: 'DISTRIBUTION_CENTER',
          city: 'Maceió',
          uf: 'AL',
        })
        .expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), code: 'CD01', version: 1 });
      const [audit] = await t.app
        .get(DataSource)
        .query(`SELECT action, before, after FROM audit_records WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({
        action: 'unit.created',
        before: null,
        after: expect.objectContaining({ code: 'CD01' }),
      });

      const listed = await as(inspectorA.token).get('/units?limit=200').expect(200);
      expect(listed.body.items.map((u: { code: string }) => u.code)).toContain('CD01');
    });

    it('refuses a taken code (409), bad fields (400), and anyone but ADMIN (403) — writing nothing', async () => {
      const before = await count('units');
      const taken = await as(admin)
        .post('/units', { code: 'CD01', name: 'Outro', kind: 'PROTOCOL', city: 'Arapiraca', uf: 'AL' })
        .expect(409);
      expect(fields(taken.body)).toEqual(['code']);
      const bad = await as(admin)
        .post('/units', { code: '05.8', name: 'X', kind: 'COURT', city: 'Maceió', uf: 'XX' })
        .expect(400);
      expect(fields(bad.body)).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'uf']));
      await as(chiefA.token)
        .post('/units', { code: 'ZZ99', name: 'Promotoria', kind: 'PROSECUTION_OFFICE', city: 'Maceió', uf: 'AL' })
        .expect(403);
      expect(await count('units')).toBe(before);
    });

    it('change with their version; a stale one gets 409', async () => {
      const unit = await as(admin).get(`/units/${unitB}`).expect(200);
      await as(admin)
        .patch(`/units/${unitB}`, { version: unit.body.version, name: 'Promotoria Renomeada' })
        .expect(200);
      const stale = await as(admin).patch(`/units/${unitB}`, { version: unit.body.version, name: 'Outra' }).expect(409);
      expect(fields(stale.body)).toEqual(['version']);
      await as(admin)
        .patch(`/units/${unitB}`, { version: unit.body.version + 1, code: 'NEW' })
        .expect(400);
    });
  });

  describe('registering users', () => {
    it('mails the new user a first-password link that works with /auth/password/reset', async () => {
      const dto = newUser({ cpf: '529.982.247-25', registrationNumber: 'M-123' });
      const res = await as(admin).post('/users', dto).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        username: dto.username,
        cpf: '52998224725',
        active: true,
        totpEnabled: false,
        assignments: [{ unitId: unitA, profile: 'INTERN', secretaria: false, linkedMemberId: null }],
      });
      const token = await flow.linkToken(dto.email);
      await t
        .http()
        .post('/api/v1/auth/password/reset')
        .send({ token, password: 'uma senha nova e comprida' })
        .expect(204);
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: dto.username.toUpperCase(), password: 'uma senha nova e comprida' })
        .expect(200);
      expect(login.body.status).toBe('enrollment_required');
      const [audit] = await t.app
        .get(DataSource)
        .query(`SELECT action, actor_id FROM audit_records WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({ action: 'user.created', actor_id: expect.any(String) });
    });

    it.each<[string, (base: ReturnType<typeof newUser>) => object, number, string]>([
      ['an invalid CPF', () => ({ cpf: '123.456.789-00' }), 400, 'cpf'],
      ['a taken username in another case', () => ({ username: memberA.username.toUpperCase() }), 409, 'username'],
      ['a taken CPF', () => ({ cpf: memberA.cpf! }), 409, 'cpf'],
      // Sign-in takes a username or a CPF: these would name whoever has that CPF too.
      ['a username that is a CPF', () => ({ username: memberA.cpf!.replace(/\D/g, '') }), 400, 'username'],
      ['a username that is a punctuated CPF', () => ({ username: '529.982.247-25' }), 400, 'username'],
      ['a malformed e-mail', () => ({ email: 'sem-arroba' }), 400, 'email'],
      ['no assignment', () => ({ assignments: [] }), 400, 'assignments'],
      [
        'an unknown profile',
        () => ({ assignments: [{ unitId: unitA, profile: 'JUDGE' }] }),
        400,
        'assignments.0.profile',
      ],
      [
        'an unknown unit',
        () => ({ assignments: [{ unitId: '00000000-0000-4000-8000-000000000000', profile: 'INTERN' }] }),
        400,
        'assignments.0.unitId',
      ],
      [
        'an ANALYST without linked member',
        () => ({ assignments: [{ unitId: unitA, profile: 'ANALYST' }] }),
        400,
        'assignments.0.linkedMemberId',
      ],
      [
        'an ASSISTANT linked to a member of another unit',
        () => ({ assignments: [{ unitId: unitA, profile: 'ASSISTANT', linkedMemberId: memberB.id }] }),
        400,
        'assignments.0.linkedMemberId',
      ],
      [
        'an ANALYST linked to a non-member of the unit',
        () => ({ assignments: [{ unitId: unitA, profile: 'ANALYST', linkedMemberId: managerA.id }] }),
        400,
        'assignments.0.linkedMemberId',
      ],
      ['an unknown field', () => ({ role: 'ADMIN' }), 400, 'role'],
    ])('refuses %s, naming the field, writing nothing', async (_label, change, status, field) => {
      const users = await count('users');
      const mails = t.smtp.mails.length;
      const base = newUser();
      const res = await as(admin)
        .post('/users', { ...base, ...change(base) })
        .expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res.body)).toContain(field);
      expect(await count('users')).toBe(users);
      expect(t.smtp.mails.length).toBe(mails);
    });

    it('accepts an ANALYST linked to a member of the same unit', async () => {
      const dto = newUser({ assignments: [{ unitId: unitA, profile: 'ANALYST', linkedMemberId: memberA.id }] });
      const res = await as(managerA.token).post('/users', dto).expect(201);
      expect(res.body.assignments[0]).toMatchObject({ profile: 'ANALYST', linkedMemberId: memberA.id });
    });
  });

  describe('who may manage whom', () => {
    it('lets a MANAGER register only in its units and only profiles within its reach', async () => {
      const users = await count('users');
      const elsewhere = await as(managerA.token)
        .post('/users', newUser({ assignments: [{ unitId: unitB, profile: 'INTERN' }] }))
        .expect(403);
      expect(fields(elsewhere.body)).toEqual(['assignments.0.unitId']);
      const above = await as(managerA.token)
        .post('/users', newUser({ assignments: [{ unitId: unitA, profile: 'MEMBER' }] }))
        .expect(403);
      expect(fields(above.body)).toEqual(['assignments.0.profile']);
      await as(managerA.token)
        .post('/users', newUser({ assignments: [{ unitId: null, profile: 'ADMIN' }] }))
        .expect(403);
      expect(await count('users')).toBe(users);
    });

    it('lets a CHIEF make members of its unit', async () => {
      await as(chiefA.token)
        .post('/users', newUser({ assignments: [{ unitId: unitA, profile: 'MEMBER', secretaria: true }] }))
        .expect(201);
    });

    it('refuses a MANAGER of unit A editing a user of unit B (not even found)', async () => {
      const res = await as(managerA.token)
        .patch(`/users/${memberB.id}`, { version: 1, fullName: 'Outro Nome' })
        .expect(404);
      expect(res.body.title).toBeDefined();
      await as(managerA.token).get(`/users/${memberB.id}`).expect(404);
    });

    it("refuses a MANAGER changing a member's e-mail (a reset would hand it the account)", async () => {
      const user = await as(managerA.token).get(`/users/${memberA.id}`).expect(200);
      await as(managerA.token)
        .patch(`/users/${memberA.id}`, { version: user.body.version, email: 'tomada@evil.example' })
        .expect(403);
      expect((await as(admin).get(`/users/${memberA.id}`).expect(200)).body.email).toBe(memberA.email);
    });

    it('lets the INSPECTOR read the users of its unit but change nothing', async () => {
      const res = await as(inspectorA.token).get(`/users?unitId=${unitA}&limit=200`).expect(200);
      expect(res.body.items.map((u: { id: string }) => u.id)).toContain(memberA.id);
      await as(inspectorA.token).post('/users', newUser()).expect(403);
      await as(inspectorA.token).patch(`/users/${memberA.id}`, { version: 1, fullName: 'X Y Z' }).expect(403);
    });

    it('filters by unit and profile on the same assignment: a member elsewhere is no member here', async () => {
      const both = await createUser(t, { profile: 'MEMBER', unitId: unitB });
      await t.app
        .get(DataSource)
        .query(
          `INSERT INTO assignments (user_id, unit_id, profile, linked_member_id) VALUES ($1, $2, 'ASSISTANT', $3)`,
          [both.id, unitA, memberA.id],
        );
      const members = await as(admin).get(`/users?unitId=${unitA}&profile=MEMBER&limit=200`).expect(200);
      const ids = members.body.items.map((u: { id: string }) => u.id);
      expect(ids).toContain(memberA.id);
      expect(ids).not.toContain(both.id);
      const assistants = await as(admin).get(`/users?unitId=${unitA}&profile=ASSISTANT&limit=200`).expect(200);
      expect(assistants.body.items.map((u: { id: string }) => u.id)).toContain(both.id);
    });

    it('refuses an ASSISTANT listing users', async () => {
      const assistant = await flow.signedInUser({ profile: 'ASSISTANT', unitId: unitA, linkedMemberId: memberA.id });
      await as(assistant.token).get('/users').expect(403);
      await as(assistant.token).get(`/users/${memberA.id}`).expect(403);
    });

    it("lists to a MANAGER only its units' users, in pages that neither repeat nor skip", async () => {
      const all = await as(managerA.token).get('/users?limit=200').expect(200);
      const ids: string[] = all.body.items.map((u: { id: string }) => u.id);
      expect(ids).toContain(memberA.id);
      expect(ids).not.toContain(memberB.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await as(managerA.token)
          .get(`/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        paged.push(...page.body.items.map((u) => u.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(ids);
      const found = await as(managerA.token)
        .get(`/users?q=${memberA.username.slice(2)}`)
        .expect(200);
      expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([memberA.id]);
    });
  });

  describe('editing users', () => {
    it('deactivating a user ends its sessions at once; a stale version gets 409', async () => {
      const intern = await flow.signedInUser({ profile: 'INTERN', unitId: unitA });
      await as(intern.token).get('/me').expect(200);
      const current = await as(managerA.token).get(`/users/${intern.id}`).expect(200);
      const res = await as(managerA.token)
        .patch(`/users/${intern.id}`, { version: current.body.version, active: false })
        .expect(200);
      expect(res.body).toMatchObject({ active: false, version: current.body.version + 1 });
      await as(intern.token).get('/me').expect(401);
      await as(managerA.token)
        .patch(`/users/${intern.id}`, { version: current.body.version, active: true })
        .expect(409);
    });

    it("replaces assignments only in the editor's units, keeping the others", async () => {
      const both = await createUser(t, { profile: 'INTERN', unitId: unitB });
      await t.app
        .get(DataSource)
        .query(`INSERT INTO assignments (user_id, unit_id, profile) VALUES ($1, $2, 'INTERN')`, [both.id, unitA]);
      const current = await as(managerA.token).get(`/users/${both.id}`).expect(200);
      const res = await as(managerA.token)
        .patch(`/users/${both.id}`, {
          version: current.body.version,
          assignments: [{ unitId: unitA, profile: 'ANALYST', linkedMemberId: memberA.id, secretaria: true }],
        })
        .expect(200);
      expect(res.body.assignments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ unitId: unitA, profile: 'ANALYST', secretaria: true }),
          expect.objectContaining({ unitId: unitB, profile: 'INTERN' }),
        ]),
      );
      expect(res.body.assignments).toHaveLength(2);
    });

    it('refuses taking the member profile from someone whose analysts depend on it', async () => {
      const member = await createUser(t, { profile: 'MEMBER', unitId: unitA });
      await createUser(t, { profile: 'ANALYST', unitId: unitA, linkedMemberId: member.id });
      const current = await as(chiefA.token).get(`/users/${member.id}`).expect(200);
      const res = await as(chiefA.token)
        .patch(`/users/${member.id}`, {
          version: current.body.version,
          assignments: [{ unitId: unitA, profile: 'INTERN' }],
        })
        .expect(409);
      expect(fields(res.body)).toEqual(['assignments']);
    });

    it('refuses a MANAGER taking a member profile away, and anyone editing their own assignments', async () => {
      const current = await as(managerA.token).get(`/users/${memberA.id}`).expect(200);
      await as(managerA.token)
        .patch(`/users/${memberA.id}`, {
          version: current.body.version,
          assignments: [{ unitId: unitA, profile: 'INTERN' }],
        })
        .expect(403);
      const self = await as(chiefA.token).get(`/users/${chiefA.id}`).expect(200);
      await as(chiefA.token)
        .patch(`/users/${chiefA.id}`, {
          version: self.body.version,
          assignments: [{ unitId: unitA, profile: 'CHIEF' }],
        })
        .expect(403);
    });
  });

  describe('groups', () => {
    it('are created by the managers of a unit, with members, and listed to everyone', async () => {
      const res = await as(managerA.token)
        .post('/groups', { name: 'Assessoria', unitId: unitA, memberIds: [memberA.id] })
        .expect(201);
      expect(res.body).toMatchObject({ name: 'Assessoria', unitId: unitA, members: [{ id: memberA.id }] });
      const dup = await as(chiefA.token)
        .post('/groups', { name: 'ASSESSORIA', unitId: unitA, memberIds: [] })
        .expect(409);
      expect(fields(dup.body)).toEqual(['name']);
      const listed = await as(inspectorA.token).get(`/groups?unitId=${unitA}`).expect(200);
      expect(listed.body.items.map((g: { id: string }) => g.id)).toContain(res.body.id);

      const renamed = await as(managerA.token)
        .patch(`/groups/${res.body.id}`, { version: res.body.version, memberIds: [memberA.id, managerA.id] })
        .expect(200);
      expect(renamed.body.members).toHaveLength(2);
      expect(renamed.body.version).toBe(res.body.version + 1);
      await as(managerA.token)
        .patch(`/groups/${res.body.id}`, { version: res.body.version, memberIds: [] })
        .expect(409);
    });

    it('refuses unknown members, other units, and non-managers', async () => {
      const groups = await count('user_groups');
      const unknown = await as(managerA.token)
        .post('/groups', { name: 'Fantasmas', unitId: unitA, memberIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400);
      expect(fields(unknown.body)).toEqual(['memberIds.0']);
      await as(managerA.token).post('/groups', { name: 'Alheio', unitId: unitB, memberIds: [] }).expect(403);
      await as(managerA.token).post('/groups', { name: 'Geral', unitId: null, memberIds: [] }).expect(403);
      await as(inspectorA.token).post('/groups', { name: 'Corregedoria', unitId: unitA, memberIds: [] }).expect(403);
      expect(await count('user_groups')).toBe(groups);
    });
  });

  describe('directory', () => {
    it('finds users and groups by part of their name, with their units and nothing personal', async () => {
      const res = await as(chiefA.token)
        .get(`/directory?q=${encodeURIComponent(memberB.fullName.slice(-8))}`)
        .expect(200);
      const found = res.body.users.find((u: { id: string }) => u.id === memberB.id);
      expect(found).toEqual({ id: memberB.id, fullName: memberB.fullName, units: [expect.any(String)] });
      expect(JSON.stringify(res.body)).not.toMatch(/cpf|email|@mp\.example/);
    });

    it('needs three characters, and a unit of one’s own', async () => {
      await as(chiefA.token).get('/directory?q=ab').expect(400);
      await as(admin).get('/directory?q=Teste').expect(403);
    });
  });

  describe('plantão roster', () => {
    let onDuty: Awaited<ReturnType<typeof createUser>>;
    const period = (startsAt: string, endsAt: string, memberId = onDuty.id) => ({
      unitId: unitA,
      memberId,
      startsAt,
      endsAt,
    });

    beforeAll(async () => {
      onDuty = await createUser(t, { profile: 'ON_DUTY', unitId: unitA });
    });

    it('takes ON_DUTY members of the unit, without overlaps', async () => {
      const first = await as(managerA.token)
        .post('/duty-periods', period('2026-12-24T08:00:00-03:00', '2026-12-26T08:00:00-03:00'))
        .expect(201);
      expect(first.body).toMatchObject({ memberId: onDuty.id, startsAt: '2026-12-24T11:00:00.000Z' });
      await as(managerA.token)
        .post('/duty-periods', period('2026-12-26T08:00:00-03:00', '2026-12-27T08:00:00-03:00'))
        .expect(201);
      const rows = await count('duty_periods');
      const overlap = await as(chiefA.token)
        .post('/duty-periods', period('2026-12-25T20:00:00-03:00', '2026-12-26T10:00:00-03:00'))
        .expect(409);
      expect(fields(overlap.body)).toEqual(['startsAt']);
      expect(await count('duty_periods')).toBe(rows);

      const listed = await as(inspectorA.token).get(`/duty-periods?unitId=${unitA}`).expect(200);
      expect(listed.body.items).toHaveLength(2);
    });

    it('refuses a non-ON_DUTY member, an inverted period, and managers of other units', async () => {
      const rows = await count('duty_periods');
      const notOnDuty = await as(managerA.token)
        .post('/duty-periods', period('2027-01-02T08:00:00-03:00', '2027-01-03T08:00:00-03:00', memberA.id))
        .expect(400);
      expect(fields(notOnDuty.body)).toEqual(['memberId']);
      const inverted = await as(managerA.token)
        .post('/duty-periods', period('2027-01-03T08:00:00-03:00', '2027-01-02T08:00:00-03:00'))
        .expect(400);
      expect(fields(inverted.body)).toEqual(['endsAt']);
      const managerB = await flow.signedInUser({ profile: 'MANAGER', unitId: unitB });
      await as(managerB.token)
        .post('/duty-periods', period('2027-02-01T08:00:00-03:00', '2027-02-02T08:00:00-03:00'))
        .expect(403);
      expect(await count('duty_periods')).toBe(rows);
    });
  });

  describe('distribution groups', () => {
    it('gather members in exercise with weights, managed by the unit that draws', async () => {
      const res = await as(managerA.token)
        .post('/distribution-groups', {
          name: 'Distribuição Cível',
          unitId: unitA,
          members: [{ userId: memberA.id }, { userId: chiefA.id, weight: 0.5, startsOn: '2026-01-01' }],
        })
        .expect(201);
      expect(res.body.members).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: memberA.id, weight: 1, startsOn: null }),
          expect.objectContaining({ userId: chiefA.id, weight: 0.5, startsOn: '2026-01-01' }),
        ]),
      );
      const away = await as(chiefA.token)
        .post(`/distribution-groups/${res.body.id}/members`, { userId: memberA.id, endsOn: '2026-12-31' })
        .expect(200);
      expect(away.body.members).toContainEqual(expect.objectContaining({ userId: memberA.id, endsOn: '2026-12-31' }));
      expect(away.body.version).toBe(res.body.version + 1);
      const listed = await as(inspectorA.token).get(`/distribution-groups?unitId=${unitA}`).expect(200);
      expect(listed.body.items.map((g: { id: string }) => g.id)).toContain(res.body.id);
    });

    it('refuses non-members, other units, and duplicate names, writing nothing', async () => {
      const rows = await count('distribution_groups');
      const notMember = await as(managerA.token)
        .post('/distribution-groups', { name: 'Criminal', unitId: unitA, members: [{ userId: managerA.id }] })
        .expect(400);
      expect(fields(notMember.body)).toEqual(['members.0.userId']);
      await as(managerA.token).post('/distribution-groups', { name: 'Criminal', unitId: unitB }).expect(403);
      await as(inspectorA.token).post('/distribution-groups', { name: 'X', unitId: unitA }).expect(403);
      const dup = await as(chiefA.token)
        .post('/distribution-groups', { name: 'DISTRIBUIÇÃO CÍVEL', unitId: unitA })
        .expect(409);
      expect(fields(dup.body)).toEqual(['name']);
      const badWeight = await as(chiefA.token)
        .post('/distribution-groups', { name: 'Peso', unitId: unitA, members: [{ userId: memberA.id, weight: 0 }] })
        .expect(400);
      expect(fields(badWeight.body)).toEqual(['members.0.weight']);
      expect(await count('distribution_groups')).toBe(rows);
    });
  });

  describe('the audit trail', () => {
    it('shows who changed what, before and after, to ADMIN and the INSPECTOR only', async () => {
      const user = await as(admin).get(`/users/${memberA.id}`).expect(200);
      await as(admin)
        .patch(`/users/${memberA.id}`, { version: user.body.version, fullName: 'Nome Corrigido' })
        .expect(200);
      const res = await as(inspectorA.token).get(`/audit/records?entityType=user&entityId=${memberA.id}`).expect(200);
      expect(res.body.items[0]).toMatchObject({
        action: 'user.updated',
        actorUsername: TEST_ADMIN.username,
        before: expect.objectContaining({ fullName: memberA.fullName }),
        after: expect.objectContaining({ fullName: 'Nome Corrigido' }),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|totp_secret/i);
      await as(managerA.token).get('/audit/records').expect(403);
    });
  });
});
