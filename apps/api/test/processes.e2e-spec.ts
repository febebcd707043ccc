import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const VALID_CNJ = '0001234-75.2026.8.02.0001';

describe('processes: registration, view, operations, boxes', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let unitA: { id: string; code: string };
  let unitB: { id: string; code: string };
  let member: Signed;
  let secretaria: Signed;
  let manager: Signed;
  let inspector: Signed;
  let outsider: Signed;
  let assistant: Signed;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const count = async (sql: string) => (await t.app.get(DataSource).query(sql))[0].n as number;
  const writes = () =>
    count(`SELECT (SELECT count(*) FROM processes) + (SELECT coalesce(sum(last_value), 0) FROM process_number_sequences)
      + (SELECT count(*) FROM process_events) AS n`);
  const nf = (over: object = {}) => ({
    unitId: unitA.id,
    classCode: 'NF',
    subjectCode: '10011',
    summary: 'Irregularidades na merenda escolar do município',
    parties: [
      { name: 'Conselho Municipal de Educação', type: 'Representante' },
      { name: 'Criança Protegida', type: 'Vítima', secret: true },
    ],
    ...over,
  });
  const register = async (user: { token: string }, over: object = {}) =>
    (await as(user).post('/processes', nf(over)).expect(201)).body as { id: string; number: string; version: number };
  const version = async (id: string) => (await as(member).get(`/processes/${id}`).expect(200)).body.version as number;
  const boxIds = async (user: { token: string }, box: string, query = '') =>
    (await as(user).get(`/boxes/${box}?limit=200${query}`).expect(200)).body.items.map((i: { id: string }) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    flow = new AuthFlow(t);
    unitA = await createUnit(t);
    unitB = await createUnit(t);
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id });
    secretaria = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unitA.id,
      secretaria: true,
      linkedMemberId: member.id,
    });
    manager = await flow.signedInUser({ profile: 'MANAGER', unitId: unitA.id, secretaria: true });
    inspector = await flow.signedInUser({ profile: 'INSPECTOR', unitId: unitA.id });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: unitB.id, secretaria: true });
    const otherMember = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id });
    assistant = await flow.signedInUser({ profile: 'ASSISTANT', unitId: unitA.id, linkedMemberId: otherMember.id });
  });

  afterAll(() => t.close());

  describe('registration', () => {
    it('numbers {unitCode}.{year}.{sequential}, writes the Registro event and lands in the Secretaria', async () => {
      const res = await as(secretaria)
        .post('/processes', nf({ originNumber: VALID_CNJ.replace(/\D/g, '') }))
        .expect(201);
      const year = new Date().getFullYear();
      expect(res.body).toMatchObject({ number: `${unitA.code}.${year}.000001`, version: 1, warnings: [] });

      const view = await as(member).get(`/processes/${res.body.id}`).expect(200);
      expect(view.body).toMatchObject({
        visibility: 'full',
        location: 'SECRETARIA',
        holderId: null,
        unitId: unitA.id,
        classCode: 'NF',
        className: 'Notícia de Fato',
        originNumber: VALID_CNJ,
        secrecyLevel: 0,
        accessKey: expect.stringMatching(/^[0-9A-F]{16}$/),
        parties: [
          expect.objectContaining({ name: 'Conselho Municipal de Educação', secret: false }),
          expect.objectContaining({ name: 'Criança Protegida', secret: true }),
        ],
        events: [expect.objectContaining({ sequence: 1, code: MOVEMENTS.REGISTERED.code, actorId: secretaria.id })],
      });
      expect(await boxIds(secretaria, 'inbox')).toContain(res.body.id);
      expect(await boxIds(member, 'secretaria')).toContain(res.body.id);
      expect(await boxIds(member, 'inbox')).not.toContain(res.body.id);
    });

    it('gives 50 concurrent registrations 50 distinct numbers with no gap', async () => {
      const unit = await createUnit(t);
      const registrar = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
      const results = await Promise.all(
        Array.from({ length: 50 }, () => as(registrar).post('/processes', nf({ unitId: unit.id, parties: [] }))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const sequentials = results.map((r) => Number(r.body.number.split('.')[2])).sort((a, b) => a - b);
      expect(sequentials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('warns, without refusing, when the summary names a party', async () => {
      const res = await as(member)
        .post('/processes', nf({ summary: 'Representação do Conselho Municipal de Educação sobre merenda' }))
        .expect(201);
      expect(res.body.warnings).toEqual([{ field: 'summary', message: expect.stringMatching(/nome de uma parte/) }]);
    });

    it.each<[string, object, string]>([
      ['an unknown class', { classCode: 'XYZ' }, 'classCode'],
      ['an unknown subject', { subjectCode: '000' }, 'subjectCode'],
      ['an invalid CNJ number', { originNumber: '0001234-76.2026.8.02.0001' }, 'originNumber'],
      ['a judicial class without the CNJ number', { classCode: '65' }, 'originNumber'],
      ['an empty summary', { summary: '   ' }, 'summary'],
      ['an old process without its instauration date', { oldProcess: true }, 'instauratedOn'],
      ['a level the profile may not assign', { secrecyLevel: 3 }, 'secrecyLevel'],
      ['level 5 without a responsible member', { secrecyLevel: 5 }, 'responsibleMemberId'],
      ['an unknown unit', { unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
      ['a party without a name', { parties: [{ type: 'Vítima' }] }, 'parties.0.name'],
      ['an unknown field', { color: 'blue' }, 'color'],
    ])('refuses %s, naming the field, writing nothing', async (_label, over, field) => {
      const before = await writes();
      const who = field === 'secrecyLevel' || field === 'responsibleMemberId' ? secretaria : member;
      const res = await as(who).post('/processes', nf(over)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res.body)).toContain(field);
      expect(await writes()).toBe(before);
    });

    it('refuses profiles that do not register (403), writing nothing', async () => {
      const before = await writes();
      await as(inspector).post('/processes', nf()).expect(403);
      await as(assistant).post('/processes', nf()).expect(403);
      await as(outsider).post('/processes', nf()).expect(403);
      expect(await writes()).toBe(before);
    });

    it('tells each user, in /me, the units where it registers', async () => {
      const mayRegister = async (user: { token: string }) =>
        (await as(user).get('/me').expect(200)).body.assignments.map((a: { mayRegister: boolean }) => a.mayRegister);
      expect(await mayRegister(secretaria)).toEqual([true]);
      expect(await mayRegister(member)).toEqual([true]);
      expect(await mayRegister(inspector)).toEqual([false]);
      expect(await mayRegister(assistant)).toEqual([false]);
    });

    it('distributes by hand at registration (event 920005) to a member of the unit', async () => {
      const res = await as(manager)
        .post('/processes', nf({ responsibleMemberId: member.id }))
        .expect(201);
      const view = await as(member).get(`/processes/${res.body.id}`).expect(200);
      expect(view.body.responsibleMemberId).toBe(member.id);
      expect(view.body.events.map((e: { code: string }) => e.code)).toEqual([
        MOVEMENTS.REGISTERED.code,
        MOVEMENTS.DISTRIBUTED.code,
      ]);
      expect(view.body.events[1].details).toMatchObject({
        type: 'MANUAL',
        memberId: member.id,
        distributorId: manager.id,
      });
      expect(await boxIds(member, 'distributed-to-me')).toContain(res.body.id);
      await as(manager)
        .post('/processes', nf({ responsibleMemberId: outsider.id }))
        .expect(400);
    });
  });

  describe('a day at the office', () => {
    it('register → conclude → priority → to Secretaria → archive → unarchive → forward, each with its event', async () => {
      const p = await register(secretaria);
      const step = async (user: Signed, op: string, body: object = {}) =>
        (
          await as(user)
            .post(`/processes/${p.id}/${op}`, { version: await version(p.id), ...body })
            .expect(200)
        ).body;

      await step(secretaria, 'conclude', { userId: member.id });
      expect(await boxIds(member, 'inbox')).toContain(p.id);
      expect(await boxIds(secretaria, 'outbox')).toContain(p.id);
      expect(await boxIds(inspector, 'conclusos')).toContain(p.id);

      await step(member, 'priority', { priority: true });
      const [first] = (await as(member).get('/boxes/inbox').expect(200)).body.items;
      expect(first).toMatchObject({ id: p.id, priority: true, deadlineState: 'NONE' });

      await step(member, 'to-secretaria');
      expect(await boxIds(member, 'outbox')).toContain(p.id);
      await step(secretaria, 'archive', { movementCode: MOVEMENTS.ARCHIVED_PROMOTION.code });
      expect(await boxIds(member, 'archived')).toContain(p.id);
      await as(secretaria)
        .post(`/processes/${p.id}/conclude`, { version: await version(p.id), userId: member.id })
        .expect(409);
      await step(secretaria, 'unarchive');
      const forwarded = await step(secretaria, 'forward', { unitId: unitB.id });
      expect(await boxIds(outsider, 'secretaria')).toContain(p.id);
      expect(await boxIds(outsider, 'inbox')).toContain(p.id);

      const events = (await as(outsider).get(`/processes/${p.id}/events?limit=3`).expect(200)).body;
      expect(events.items.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3]);
      const rest = (await as(outsider).get(`/processes/${p.id}/events?cursor=${events.nextCursor}`).expect(200)).body;
      expect(rest.items.map((e: { code: string }) => e.code)).toEqual([
        MOVEMENTS.TO_SECRETARIA.code,
        MOVEMENTS.ARCHIVED_PROMOTION.code,
        MOVEMENTS.UNARCHIVED.code,
        MOVEMENTS.SENT.code,
      ]);
      expect(forwarded.eventSequence).toBe(7);
    });

    it('sends to an external organ and takes it back', async () => {
      const p = await register(secretaria);
      await as(secretaria)
        .post(`/processes/${p.id}/send-external`, { version: 1, organ: 'Tribunal de Contas' })
        .expect(200);
      expect(await boxIds(member, 'external')).toContain(p.id);
      await as(secretaria).post(`/processes/${p.id}/return-external`, { version: 2 }).expect(200);
      expect(await boxIds(member, 'secretaria')).toContain(p.id);
    });
  });

  describe('who may act', () => {
    it('refuses MANAGER moving (it recovers only), INSPECTOR, an assistant of another member, and other units', async () => {
      const p = await register(secretaria);
      const before = await writes();
      await as(manager).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(403);
      await as(inspector).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(403);
      await as(assistant).post(`/processes/${p.id}/archive`, { version: 1 }).expect(403);
      await as(outsider).post(`/processes/${p.id}/forward`, { version: 1, unitId: unitB.id }).expect(403);
      await as(member).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(403);
      expect(await writes()).toBe(before);

      await as(secretaria).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
      await as(secretaria).post(`/processes/${p.id}/archive`, { version: 2 }).expect(403);
      await as(manager).post(`/processes/${p.id}/recover`, { version: 2 }).expect(200);
    });

    it('offers in the view exactly the actions the viewer may take where the process stands', async () => {
      const p = await register(secretaria);
      const offered = async (user: { token: string }) =>
        (await as(user).get(`/processes/${p.id}`).expect(200)).body.allowedActions as string[];
      expect(await offered(secretaria)).toEqual(expect.arrayContaining(['conclude', 'forward', 'archive']));
      // An ANALYST drafts only on its member's processes; nobody is responsible for this one yet.
      expect(await offered(secretaria)).not.toContain('draft');
      expect(await offered(secretaria)).not.toContain('sign');
      expect(await offered(member)).toEqual(expect.arrayContaining(['secrecy', 'draft', 'sign']));
      expect(await offered(member)).not.toContain('conclude');
      expect(await offered(member)).toContain('grant-access');
      expect(await offered(secretaria)).not.toContain('grant-access');
      expect(await offered(manager)).toEqual(['priority', 'distribute', 'lottery']);
      expect(await offered(inspector)).toEqual([]);

      await as(secretaria).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
      expect(await offered(member)).toEqual(expect.arrayContaining(['conclude', 'to-secretaria', 'archive', 'sign']));
      expect(await offered(secretaria)).toEqual(expect.arrayContaining(['recover']));
      expect(await offered(secretaria)).not.toContain('conclude');
    });

    it('lists whom a process may be concluded to: active users of its unit who receive conclusions', async () => {
      // Level 1: other units see its cover only, never its people.
      const p = await register(secretaria, { secrecyLevel: 1 });
      const res = await as(secretaria).get(`/processes/${p.id}/conclusion-targets`).expect(200);
      const ids = res.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([member.id, secretaria.id, manager.id, assistant.id]));
      expect(ids).not.toContain(inspector.id);
      expect(ids).not.toContain(outsider.id);
      expect(res.body.items[0]).toEqual({
        id: expect.any(String),
        fullName: expect.any(String),
        profile: expect.any(String),
      });
      await as(outsider).get(`/processes/${p.id}/conclusion-targets`).expect(404);
    });

    it('refuses a stale version and an unknown target, writing nothing', async () => {
      const p = await register(secretaria);
      const before = await writes();
      const stale = await as(secretaria)
        .post(`/processes/${p.id}/conclude`, { version: 7, userId: member.id })
        .expect(409);
      expect(fields(stale.body)).toEqual(['version']);
      const target = await as(secretaria)
        .post(`/processes/${p.id}/conclude`, { version: 1, userId: outsider.id })
        .expect(400);
      expect(fields(target.body)).toEqual(['userId']);
      await as(secretaria).post(`/processes/${p.id}/archive`, { version: 1, movementCode: '920005' }).expect(400);
      expect(await writes()).toBe(before);
    });

    it('lets one of two simultaneous operations win; the other gets 409 and nothing half-written', async () => {
      const p = await register(secretaria);
      const results = await Promise.all([
        as(secretaria).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }),
        as(secretaria).post(`/processes/${p.id}/forward`, { version: 1, unitId: unitB.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const view = await as(member).get(`/processes/${p.id}`);
      expect(view.body.events).toHaveLength(2);
      expect(view.body.version).toBe(2);
    });
  });

  describe('secrecy on every read', () => {
    it('shows a level-1 process elsewhere only as a cover, by exact number, and never in lists', async () => {
      const p = await register(member, { secrecyLevel: 1 });
      const byNumber = await as(outsider).get(`/processes?number=${p.number}`).expect(200);
      expect(byNumber.body.items).toEqual([expect.objectContaining({ visibility: 'details', number: p.number })]);
      expect(byNumber.body.items[0]).not.toHaveProperty('parties');
      expect(byNumber.body.items[0]).not.toHaveProperty('summary');
      expect(byNumber.body.items[0]).not.toHaveProperty('accessKey');
      await as(outsider).get(`/processes/${p.id}`).expect(404);
      await as(outsider).get(`/processes/${p.id}/events`).expect(404);
      await as(outsider).post(`/processes/${p.id}/priority`, { version: 1, priority: true }).expect(404);
      expect((await as(member).get(`/processes?number=${p.number}`)).body.items[0].visibility).toBe('full');
    });

    it('keeps a level-2 process out of the boxes and counts of those above whose cap it is', async () => {
      const p = await register(member, { secrecyLevel: 2 });
      const before = (await as(assistant).get('/boxes/secretaria').expect(200)).body.total;
      expect(await boxIds(assistant, 'secretaria')).not.toContain(p.id);
      expect(await boxIds(secretaria, 'secretaria')).toContain(p.id);
      const counts = (await as(assistant).get('/boxes').expect(200)).body;
      expect(counts).toContainEqual({ box: 'secretaria', count: before });
      await as(assistant).get(`/processes/${p.id}`).expect(404);
    });
  });

  describe('boxes', () => {
    it('count in the sidebar exactly what each box lists', async () => {
      for (const user of [member, secretaria, manager, inspector, outsider, assistant]) {
        const counts = (await as(user).get('/boxes').expect(200)).body as { box: string; count: number }[];
        for (const { box, count } of counts) {
          const page = (await as(user).get(`/boxes/${box}?limit=200`).expect(200)).body;
          expect({ box, count }).toEqual({ box, count: page.total });
          expect(page.items.length).toBe(Math.min(page.total, 200));
        }
      }
    });

    it('page with a cursor in order, priority first, without repeating or skipping, and filter', async () => {
      const all = await boxIds(member, 'secretaria');
      expect(all.length).toBeGreaterThan(5);
      const [first] = (await as(member).get('/boxes/secretaria?limit=1').expect(200)).body.items;
      expect(first.version).toBe(await version(first.id));
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await as(member)
          .get(`/boxes/secretaria?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        paged.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(await boxIds(member, 'secretaria', '&classCode=PP')).toEqual([]);
      await as(member).get('/boxes/nowhere').expect(400);
      await as(member).get('/boxes/inbox?sort=summary').expect(400);
      await as(member).get('/boxes/inbox?cursor=garbage').expect(400);
    });
  });

  describe('decree of secrecy', () => {
    it("is the member's act, bounded by its profile, recorded with its justification", async () => {
      const p = await register(secretaria);
      await as(secretaria).post(`/processes/${p.id}/secrecy`, { version: 1, level: 1 }).expect(403);
      await as(manager).post(`/processes/${p.id}/secrecy`, { version: 1, level: 1 }).expect(403);
      const noResponsible = await as(member).post(`/processes/${p.id}/secrecy`, { version: 1, level: 5 }).expect(400);
      expect(fields(noResponsible.body)).toEqual(['level']);
      await as(member)
        .post(`/processes/${p.id}/secrecy`, { version: 1, level: 3, justification: 'Dados bancários nos autos' })
        .expect(200);
      const view = (await as(member).get(`/processes/${p.id}`).expect(200)).body;
      expect(view.secrecyLevel).toBe(3);
      expect(view.events.at(-1)).toMatchObject({
        code: MOVEMENTS.SECRECY_DECREED.code,
        details: { fromLevel: 0, toLevel: 3, justification: 'Dados bancários nos autos' },
      });
      await as(secretaria).get(`/processes/${p.id}`).expect(404);
      expect(await boxIds(secretaria, 'secretaria')).not.toContain(p.id);
    });

    it('at level 5 leaves the process to its responsible member alone', async () => {
      const p = (
        await as(manager)
          .post('/processes', nf({ responsibleMemberId: member.id }))
          .expect(201)
      ).body;
      await as(member).post(`/processes/${p.id}/secrecy`, { version: p.version, level: 5 }).expect(200);
      expect((await as(member).get(`/processes/${p.id}`).expect(200)).body.secrecyLevel).toBe(5);
      await as(manager).get(`/processes/${p.id}`).expect(404);
      await as(inspector).get(`/processes/${p.id}`).expect(404);
      expect((await as(inspector).get(`/processes?number=${p.number}`)).body.items).toEqual([]);
    });
  });

  describe('search', () => {
    it('finds by words of the summary or a party, never by a secret party, only among what the viewer sees', async () => {
      const open = await register(member, {
        summary: 'Contaminação do açude municipal por esgoto',
        parties: [
          { name: 'Associação dos Pescadores', type: 'Representante' },
          { name: 'Joaquim Escondido', type: 'Vítima', secret: true },
        ],
      });
      const restricted = await register(member, { summary: 'Contaminação do açude do distrito', secrecyLevel: 1 });
      const found = (await as(member).get('/processes?q=açude contaminação').expect(200)).body.items;
      expect(found.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([open.id, restricted.id]));
      expect(found[0]).toHaveProperty('summary');
      const elsewhere = (await as(outsider).get('/processes?q=açude').expect(200)).body.items;
      expect(elsewhere.map((p: { id: string }) => p.id)).toEqual([open.id]);
      expect((await as(member).get('/processes?q=pescadores').expect(200)).body.items).toHaveLength(1);
      expect((await as(member).get('/processes?q=Joaquim Escondido').expect(200)).body.items).toEqual([]);
      await as(member).get('/processes').expect(400);
    });

    it('matches with or without accents, by number and origin number, and follows parties changed later', async () => {
      const p = await register(member, {
        summary: 'Licitação direcionada na aquisição de medicamentos',
        originNumber: '0710802-55.2018.8.02.0001',
        parties: [{ name: 'Conceição Araújo', type: 'Representante' }],
      });
      const ids = async (q: string) =>
        (
          await as(member)
            .get(`/processes?q=${encodeURIComponent(q)}`)
            .expect(200)
        ).body.items.map((i: { id: string }) => i.id);
      for (const q of ['licitacao direcionada', 'LICITAÇÃO', 'licitações', 'aquisicao', 'conceicao araujo', p.number])
        expect({ q, found: await ids(q) }).toEqual({ q, found: [p.id] });
      expect(await ids('0710802-55.2018.8.02.0001')).toEqual([p.id]);
      // The vector is the database's (a trigger): a party made secret, or added, by any writer.
      const db = t.app.get(DataSource);
      await db.query(`UPDATE process_parties SET secret = true WHERE process_id = $1`, [p.id]);
      expect(await ids('Conceição')).toEqual([]);
      await db.query(
        `INSERT INTO process_parties (process_id, position, name, type, secret) VALUES ($1, 1, 'Benedito Sá', 'Vítima', false)`,
        [p.id],
      );
      expect(await ids('benedito sa')).toEqual([p.id]);
      await db.query(`DELETE FROM process_parties WHERE process_id = $1 AND position = 1`, [p.id]);
      expect(await ids('benedito')).toEqual([]);
    });

    it('pages newest first, whole and without repeats, whether a page comes from the newest processes or all', async () => {
      const registered: string[] = [];
      for (let i = 0; i < 5; i++) {
        t.clock.advance(1_000);
        const p = await register(member, { summary: `Comunidade quilombola, caso ${i}`, secrecyLevel: i % 2 });
        registered.unshift(p.id);
      }
      const pages = async (user: { token: string }) => {
        const seen: string[] = [];
        for (let cursor = ''; ;) {
          const page = (await as(user).get(`/processes?q=quilombola&limit=2${cursor}`).expect(200)).body;
          seen.push(...page.items.map((p: { id: string }) => p.id));
          if (!page.nextCursor) return seen;
          cursor = `&cursor=${page.nextCursor}`;
        }
      };
      // Full pages come from the newest processes, the last one (short) from every match.
      expect(await pages(member)).toEqual(registered);
      expect(await pages(outsider)).toEqual(registered.filter((_, i) => i % 2 === 0));
    });
  });

  describe('attach', () => {
    it('makes the secondary read-only inside its principal, out of every box, still found by number', async () => {
      const principal = await register(secretaria);
      const secondary = await register(secretaria);
      await as(secretaria)
        .post(`/processes/${secondary.id}/attach`, { version: 1, principalId: principal.id })
        .expect(200);
      expect(await boxIds(member, 'secretaria')).not.toContain(secondary.id);
      const view = (await as(member).get(`/processes/${principal.id}`).expect(200)).body;
      expect(view.attached).toEqual([{ id: secondary.id, number: secondary.number }]);
      expect(view.events.at(-1)).toMatchObject({
        code: MOVEMENTS.ATTACHED.code,
        details: { secondaryId: secondary.id },
      });
      expect((await as(member).get(`/processes?number=${secondary.number}`)).body.items[0]).toMatchObject({
        location: 'ATTACHED',
        principalId: principal.id,
      });
      await as(secretaria).post(`/processes/${secondary.id}/conclude`, { version: 2, userId: member.id }).expect(409);
      const self = await as(secretaria)
        .post(`/processes/${principal.id}/attach`, { version: 1, principalId: principal.id })
        .expect(400);
      expect(fields(self.body)).toEqual(['principalId']);
      await as(secretaria)
        .post(`/processes/${principal.id}/attach`, { version: 1, principalId: secondary.id })
        .expect(400);
    });
  });

  it('keeps events immutable, even to a direct UPDATE', async () => {
    await expect(t.app.get(DataSource).query(`UPDATE process_events SET code = '0'`)).rejects.toThrow(/immutable/);
  });
});
