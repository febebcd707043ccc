import { CNMP_LEGAL_DEADLINES, dueAt, legalDueBusinessDay, localDate, MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const DAY = 86_400_000;
const SP = 'America/Sao_Paulo';

describe('deadlines: legal and internal, Em espera, expiry at read time, close, extend', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let db: DataSource;
  let unit: { id: string; code: string };
  let other: { id: string };
  let clerk: Signed;
  let member: Signed;
  let analyst: Signed;
  let foreignAnalyst: Signed;
  let assistant: Signed;
  let intern: Signed;
  let outsider: Signed;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const writes = () =>
    count(`SELECT (SELECT count(*) FROM deadlines) + (SELECT count(*) FROM process_events)
                + (SELECT coalesce(sum(version), 0) FROM deadlines) AS n`);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const version = async (id: string) => (await as(member).get(`/processes/${id}`).expect(200)).body.version as number;
  const register = async (over: object = {}) =>
    (
      await as(clerk)
        .post('/processes', {
          unitId: unit.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Ausência de resposta a ofício da Promotoria',
          responsibleMemberId: member.id,
          ...over,
        })
        .expect(201)
    ).body as { id: string; number: string };
  /** A process concluso to the member: its inbox, its deadlines. */
  const withMember = async (over: object = {}) => {
    const p = await register(over);
    await as(clerk).post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
    return p;
  };
  const box = async (user: Signed, name: string, query = '') =>
    (await as(user).get(`/boxes/${name}?limit=200${query}`).expect(200)).body.items as {
      id: string;
      deadlineState: string;
      deadline?: { id: string; dueAt: string; kind: string; dueSoon: boolean };
    }[];
  const itemOf = async (user: Signed, name: string, id: string) => (await box(user, name)).find((i) => i.id === id);
  const deadlines = async (id: string) =>
    (await as(member).get(`/processes/${id}/deadlines`).expect(200)).body.items as {
      id: string;
      kind: string;
      state: string;
      dueAt: string;
      extensions: number;
      version: number;
    }[];
  const setDeadline = (user: Signed, id: string, body: object) => as(user).post(`/processes/${id}/deadlines`, body);
  const events = async (id: string) =>
    (await as(member).get(`/processes/${id}/events?limit=200`).expect(200)).body.items as {
      code: string;
      details: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    unit = await createUnit(t, { uf: 'AL', city: 'Maceió' });
    other = await createUnit(t);
    clerk = await flow.signedInUser({ profile: 'CHIEF', unitId: unit.id, secretaria: true });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    analyst = await flow.signedInUser({ profile: 'ANALYST', unitId: unit.id, linkedMemberId: member.id });
    const colleague = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    foreignAnalyst = await flow.signedInUser({ profile: 'ANALYST', unitId: unit.id, linkedMemberId: colleague.id });
    assistant = await flow.signedInUser({ profile: 'ASSISTANT', unitId: unit.id, linkedMemberId: member.id });
    intern = await flow.signedInUser({ profile: 'INTERN', unitId: unit.id, secretaria: true });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: other.id, secretaria: true });
  });

  afterAll(() => t.close());

  describe('legal deadlines', () => {
    it("start at registration from the class's rule, over the recess, and the Registro event names them", async () => {
      const before = t.clock.now();
      const p = await register();
      const [legal] = await deadlines(p.id);
      const rule = CNMP_LEGAL_DEADLINES.find((r) => r.classCode === 'NF')!;
      const expected = dueAt(
        before,
        { dueDate: legalDueBusinessDay(localDate(before, SP), rule.duration, true, new Set()) },
        { timeZone: SP, holidays: new Set() },
      );
      expect(legal).toMatchObject({ kind: 'LEGAL', state: 'PENDING', extensions: 0, dueAt: expected.toISOString() });
      const [registered] = await events(p.id);
      expect(registered.details.legalDeadline).toEqual({ id: legal.id, dueAt: legal.dueAt });
      // A legal term merely running is no news for the inbox.
      expect((await itemOf(clerk, 'inbox', p.id))?.deadlineState).toBe('NONE');
    });

    it("runs an old process's term from the day it was instaurated", async () => {
      const instauratedOn = localDate(new Date(t.clock.now().getTime() - 400 * DAY), SP);
      const p = await register({ classCode: 'PP', oldProcess: true, instauratedOn });
      const [legal] = await deadlines(p.id);
      expect(legal.state).toBe('EXPIRED');
      expect((await itemOf(clerk, 'inbox', p.id))?.deadlineState).toBe('EXPIRED');
    });

    it('extend once for NF, on a justification, by a member; never twice', async () => {
      const p = await withMember();
      const [legal] = await deadlines(p.id);
      const before = await writes();
      const noReason = await as(member).post(`/deadlines/${legal.id}/extend`, {}).expect(400);
      expect(fields(noReason.body)).toEqual(['justification']);
      await as(intern).post(`/deadlines/${legal.id}/extend`, { justification: 'x' }).expect(403);
      await as(outsider).post(`/deadlines/${legal.id}/extend`, { justification: 'x' }).expect(403);
      expect(await writes()).toBe(before);

      const extended = await as(member)
        .post(`/deadlines/${legal.id}/extend`, { justification: 'Aguardando documentos da prefeitura' })
        .expect(200);
      const rule = CNMP_LEGAL_DEADLINES.find((r) => r.classCode === 'NF')!;
      const expected = dueAt(
        t.clock.now(),
        { dueDate: legalDueBusinessDay(localDate(new Date(legal.dueAt), SP), rule.extension!, true, new Set()) },
        { timeZone: SP, holidays: new Set() },
      );
      expect(extended.body).toMatchObject({ extensions: 1, dueAt: expected.toISOString(), state: 'PENDING' });
      expect((await events(p.id)).at(-1)).toMatchObject({
        code: MOVEMENTS.DEADLINE_EXTENDED.code,
        details: { deadlineId: legal.id, justification: 'Aguardando documentos da prefeitura', extension: 1 },
      });
      const again = await as(member).post(`/deadlines/${legal.id}/extend`, { justification: 'De novo' }).expect(400);
      expect(again.body.errors[0].message).toMatch(/já usada/);
    });

    it("are replaced by the new class's on conversion, and end on conversion to a judicial class", async () => {
      const p = await withMember();
      const [nf] = await deadlines(p.id);
      const converted = await as(member)
        .post(`/processes/${p.id}/convert`, {
          version: await version(p.id),
          classCode: 'PP',
          portaria: { title: 'Portaria', content: '<p>Instaura-se o PP.</p>' },
        })
        .expect(200);
      const after = await deadlines(p.id);
      const pp = after.find((d) => d.state === 'PENDING')!;
      expect(after.find((d) => d.id === nf.id)?.state).toBe('ENDED');
      expect(new Date(pp.dueAt).getTime() - new Date(nf.dueAt).getTime()).toBeGreaterThan(50 * DAY);
      const event = (await events(p.id)).find((e) => e.code === MOVEMENTS.CLASS_CONVERTED.code)!;
      expect(event.details.legalDeadline).toEqual({ id: pp.id, dueAt: pp.dueAt });
      expect(converted.body.eventSequence).toBeGreaterThan(0);

      await as(member)
        .post(`/processes/${p.id}/convert`, {
          version: await version(p.id),
          classCode: '65',
          originNumber: '0001234-75.2026.8.02.0001',
        })
        .expect(200);
      expect((await deadlines(p.id)).map((d) => d.state)).toEqual(['ENDED', 'ENDED']);
    });
  });

  describe('internal deadlines', () => {
    it('moves the process to Em espera; past due it is back in the inbox flagged, without any worker', async () => {
      const p = await withMember();
      expect(await itemOf(member, 'inbox', p.id)).toBeDefined();
      const res = await setDeadline(member, p.id, { description: 'Resposta ao Ofício 12/2026', days: 10 }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), dueAt: expect.any(String), processVersion: 3 });
      const due = new Date(res.body.dueAt);
      // End of a business day in São Paulo: 23:59:59.999 at -03:00.
      expect(res.body.dueAt).toMatch(/T02:59:59\.999Z$/);
      expect([0, 6]).not.toContain(new Date(localDate(due, SP) + 'T12:00:00Z').getUTCDay());

      expect(await itemOf(member, 'inbox', p.id)).toBeUndefined();
      expect((await itemOf(member, 'waiting', p.id))?.deadlineState).toBe('PENDING');
      expect((await events(p.id)).at(-1)).toMatchObject({
        code: MOVEMENTS.DEADLINE_SET.code,
        details: {
          deadlineId: res.body.id,
          description: 'Resposta ao Ofício 12/2026',
          wait: true,
          dueAt: res.body.dueAt,
        },
      });

      t.clock.advance(due.getTime() - t.clock.now().getTime());
      expect((await itemOf(member, 'inbox', p.id))?.deadlineState).toBe('EXPIRED');
      expect(await itemOf(member, 'waiting', p.id)).toBeUndefined();
      const expired = (await box(member, 'deadlines', '&deadlineState=EXPIRED')).map((i) => i.deadline?.id);
      expect(expired).toContain(res.body.id);
      // Read time decides; nothing was recorded by anyone.
      expect(
        await count(`SELECT count(*) AS n FROM process_events WHERE code = $1`, [MOVEMENTS.DEADLINE_EXPIRED.code]),
      ).toBe(0);
    });

    it('keeps the process waiting while another waiting deadline is pending; closing the last brings it back', async () => {
      const p = await withMember();
      const a = (await setDeadline(member, p.id, { description: 'Ofício à prefeitura', days: 20 }).expect(201)).body;
      const b = (await setDeadline(member, p.id, { description: 'Ofício à câmara', days: 30 }).expect(201)).body;
      await as(member).post(`/deadlines/${a.id}/close`, { note: 'Resposta recebida' }).expect(200);
      expect(await itemOf(member, 'waiting', p.id)).toBeDefined();
      const closed = await as(member).post(`/deadlines/${b.id}/close`, {}).expect(200);
      expect(closed.body).toMatchObject({ state: 'CLOSED', endedAt: expect.any(String) });
      expect((await itemOf(member, 'inbox', p.id))?.deadlineState).toBe('NONE');
      await as(member).post(`/deadlines/${b.id}/close`, {}).expect(409);
      expect((await events(p.id)).filter((e) => e.code === MOVEMENTS.DEADLINE_CLOSED.code)).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ deadlineId: a.id, note: 'Resposta recebida' }) }),
        expect.objectContaining({ details: expect.objectContaining({ deadlineId: b.id }) }),
      ]);
    });

    it('with wait=false stays in the inbox, flagged pending', async () => {
      const p = await withMember();
      await setDeadline(member, p.id, { description: 'Conferir publicação', days: 3, wait: false }).expect(201);
      expect((await itemOf(member, 'inbox', p.id))?.deadlineState).toBe('PENDING');
    });

    it('counts to a given due day, moved past weekends and the holidays of the unit’s state and city', async () => {
      const p = await withMember();
      // The next Friday at least a week ahead, a state holiday here; a municipal one elsewhere is ignored.
      let friday = new Date(t.clock.now().getTime() + 7 * DAY);
      while (friday.getUTCDay() !== 5) friday = new Date(friday.getTime() + DAY);
      const day = localDate(friday, SP);
      await db.query(
        `INSERT INTO holidays (date, name, scope, uf) VALUES ($1, 'Emancipação de Alagoas', 'STATE', 'AL'),
           ($2, 'Aniversário de Recife', 'MUNICIPAL', 'PE')`,
        [day, localDate(new Date(friday.getTime() + 3 * DAY), SP)],
      );
      const res = await setDeadline(member, p.id, { description: 'Audiência', dueDate: day }).expect(201);
      const monday = localDate(new Date(friday.getTime() + 3 * DAY), SP);
      expect(localDate(new Date(res.body.dueAt), SP)).toBe(monday);
    });

    it("lets an ANALYST close its member's deadlines only; archiving ends the rest", async () => {
      const p = await withMember();
      const a = (await setDeadline(member, p.id, { description: 'Ofício 1', days: 10 }).expect(201)).body;
      const b = (await setDeadline(member, p.id, { description: 'Ofício 2', days: 10 }).expect(201)).body;
      await as(foreignAnalyst).post(`/deadlines/${a.id}/close`, {}).expect(403);
      await as(assistant).post(`/deadlines/${a.id}/close`, {}).expect(403);
      await setDeadline(analyst, p.id, { description: 'Não', days: 1 }).expect(403);
      await as(analyst).post(`/deadlines/${a.id}/close`, {}).expect(200);

      const archived = await as(member)
        .post(`/processes/${p.id}/archive`, { version: await version(p.id) })
        .expect(200);
      expect((await events(p.id)).at(-1)).toMatchObject({ details: { endedDeadlines: 2 } }); // b and the legal one
      expect((await deadlines(p.id)).map((d) => d.state).sort()).toEqual(['CLOSED', 'ENDED', 'ENDED']);
      expect((await box(member, 'deadlines')).map((i) => i.deadline?.id)).not.toContain(b.id);
      expect(archived.body.eventSequence).toBeGreaterThan(0);
      await as(member).post(`/deadlines/${b.id}/close`, {}).expect(409);
    });

    it('extends by days or to a later day; an expired one extended waits again', async () => {
      const p = await withMember();
      const d = (await setDeadline(member, p.id, { description: 'Perícia', days: 2 }).expect(201)).body;
      await as(member).post(`/deadlines/${d.id}/extend`, { dueDate: '2020-01-01' }).expect(400);
      await as(member).post(`/deadlines/${d.id}/extend`, {}).expect(400);
      t.clock.advance(new Date(d.dueAt).getTime() - t.clock.now().getTime() + 6 * DAY);
      // Extended by a day it would still be past due: refused, nothing recorded twice later.
      const late = await as(member).post(`/deadlines/${d.id}/extend`, { days: 1 }).expect(400);
      expect(fields(late.body)).toEqual(['days']);
      expect((await itemOf(member, 'inbox', p.id))?.deadlineState).toBe('EXPIRED');
      const internal = (await deadlines(p.id)).find((x) => x.id === d.id)!;
      await as(member)
        .post(`/deadlines/${d.id}/extend`, { days: 10, version: internal.version + 1 })
        .expect(409);
      const res = await as(member)
        .post(`/deadlines/${d.id}/extend`, { days: 10, version: internal.version })
        .expect(200);
      expect(res.body).toMatchObject({ state: 'PENDING', extensions: 1 });
      expect(new Date(res.body.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(d.dueAt).getTime() + 10 * DAY - 1);
      expect(new Date(res.body.dueAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
      expect(await itemOf(member, 'waiting', p.id)).toBeDefined();
    });

    it('refuses bad input, the wrong person and the wrong place, writing nothing', async () => {
      const p = await withMember();
      const cases: [object, string[]][] = [
        [{ description: 'x' }, ['days']],
        [{ description: 'x', days: 3, dueDate: '2030-01-10' }, ['days']],
        [{ description: 'x', dueDate: '2020-01-10' }, ['dueDate']],
        [{ description: 'x', dueDate: '10/01/2030' }, ['dueDate']],
        [{ description: 'x', dueDate: '9999-12-31' }, ['dueDate']],
        [{ description: '', days: 3 }, ['description']],
        [{ description: 'x', days: 0 }, ['days']],
        [{ description: 'x', days: 3, wait: 'sim' }, ['wait']],
        [{ description: 'x', days: 3, color: 'red' }, ['color']],
      ];
      const secret = await withMember({ secrecyLevel: 3 });
      const [secretLegal] = await deadlines(secret.id);
      const before = await writes();
      for (const [body, expected] of cases) {
        const res = await setDeadline(member, p.id, body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(fields(res.body)).toEqual(expected);
      }
      await setDeadline(clerk, p.id, { description: 'x', days: 3 }).expect(403); // concluso to the member
      await setDeadline(outsider, p.id, { description: 'x', days: 3 }).expect(403); // sees level 0, acts not
      await setDeadline(outsider, secret.id, { description: 'x', days: 3 }).expect(404);
      await as(outsider).post(`/deadlines/${secretLegal.id}/close`, {}).expect(404);
      await as(outsider).get(`/processes/${secret.id}/deadlines`).expect(404);
      await setDeadline(member, p.id, { description: 'x', days: 3, version: 1 }).expect(409);
      await as(member).post('/deadlines/8a3c2f4e-0000-4000-8000-000000000000/close', {}).expect(404);
      expect(await writes()).toBe(before);
    });
  });

  describe('the Prazos box', () => {
    it("lists every running deadline of the unit's processes, soonest first, each with its own state", async () => {
      const p = await withMember();
      const d = (await setDeadline(member, p.id, { description: 'Ofício à Sefaz', days: 1 }).expect(201)).body;
      const rows = await box(clerk, 'deadlines', '&sort=date');
      const row = rows.find((r) => r.deadline?.id === d.id)!;
      expect(row).toMatchObject({ id: p.id, deadlineState: 'PENDING', deadline: { kind: 'INTERNAL', dueSoon: true } });
      const dues = rows.map((r) => r.deadline!.dueAt);
      expect([...dues].sort()).toEqual(dues);
      expect(rows.some((r) => r.deadline?.kind === 'LEGAL')).toBe(true);
      expect(await box(outsider, 'deadlines')).toEqual([]);
      const counts = (await as(clerk).get('/boxes').expect(200)).body as { box: string; count: number }[];
      expect(counts.find((c) => c.box === 'deadlines')?.count).toBe(rows.length);
      expect((await as(clerk).get('/boxes/deadlines?limit=200').expect(200)).body.total).toBe(rows.length);
      const expiredOnly = await as(clerk).get('/boxes/deadlines?limit=200&deadlineState=EXPIRED').expect(200);
      expect(expiredOnly.body.total).toBe(rows.filter((r) => r.deadlineState === 'EXPIRED').length);
    });
  });

  describe('notifications', () => {
    it('starts empty and refuses marking what is not the caller’s', async () => {
      const res = await as(member).get('/notifications').expect(200);
      expect(res.body).toEqual({ items: [], nextCursor: null, unread: 0 });
      await as(member).post('/notifications/8a3c2f4e-0000-4000-8000-000000000000/read', {}).expect(404);
      await as(member).get('/notifications?unread=maybe').expect(400);
    });
  });
});
