import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const HOUR = 3_600_000;

describe('communications: incoming citations and intimations, routed', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let db: DataSource;
  let unit: { id: string; code: string };
  let chiefless: { id: string; code: string };
  let chief: Signed;
  let member: Signed;
  let onDuty: Signed;
  let manager: Signed;
  let clerk: Signed;
  let assistant: Signed;
  let protocol: Signed;
  let outsider: Signed;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  /** Everything a communication could write: rows, versions, numbers, custody. */
  const writes = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM processes) AS processes, (SELECT count(*) FROM process_events) AS events,
                (SELECT count(*) FROM communications) AS communications, (SELECT count(*) FROM process_custody) AS custody,
                (SELECT coalesce(sum(version), 0) FROM processes) AS versions,
                (SELECT coalesce(sum(last_value), 0) FROM process_number_sequences) AS numbers`,
      )
    )[0] as Record<string, string>;
  const newProcess = (over: object = {}) => ({
    classCode: 'NF',
    subjectCode: '10011',
    summary: 'Intimação para manifestação em ação civil pública',
    parties: [{ name: 'Município de Maceió', type: 'Investigado' }],
    ...over,
  });
  const register = async (over: object = {}, by: Signed = manager) =>
    (
      await as(by)
        .post('/processes', { unitId: unit.id, ...newProcess(), responsibleMemberId: member.id, ...over })
        .expect(201)
    ).body as { id: string; number: string; version: number };
  const send = (body: object, by: Signed = protocol) => as(by).post('/communications', body);
  const view = async (id: string, by: Signed = member) =>
    (await as(by).get(`/processes/${id}`).expect(200)).body as {
      location: string;
      holderId: string | null;
      version: number;
    };
  const events = async (id: string, by: Signed = member) =>
    (await as(by).get(`/processes/${id}/events?limit=200`).expect(200)).body.items as {
      sequence: number;
      code: string;
      details: Record<string, unknown>;
    }[];
  const inbox = async (user: Signed) =>
    (await as(user).get('/boxes/inbox?limit=200').expect(200)).body.items.map((i: { id: string }) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    unit = await createUnit(t);
    chiefless = await createUnit(t);
    const protocolUnit = await createUnit(t, { kind: 'PROTOCOL' });
    // Two chiefs: a citation goes to the lower username, whoever was created first.
    await flow.signedInUser({ username: 'zuleide.chefe', profile: 'CHIEF', unitId: unit.id });
    chief = await flow.signedInUser({ username: 'amaro.chefe', profile: 'CHIEF', unitId: unit.id });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    onDuty = await flow.signedInUser({ profile: 'ON_DUTY', unitId: unit.id });
    manager = await flow.signedInUser({ profile: 'MANAGER', unitId: unit.id });
    clerk = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unit.id,
      secretaria: true,
      linkedMemberId: member.id,
    });
    assistant = await flow.signedInUser({ profile: 'ASSISTANT', unitId: unit.id, linkedMemberId: member.id });
    protocol = await flow.signedInUser({ profile: 'PROTOCOL', unitId: protocolUnit.id });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: chiefless.id, secretaria: true });
  });

  afterAll(() => t.close());

  describe('a citation', () => {
    it("goes to the unit's CHIEF (the lowest username), lands in its inbox and is recorded", async () => {
      const p = await register();
      const res = await send({
        kind: 'CITATION',
        unitId: unit.id,
        processNumber: p.number.toLowerCase(),
        description: 'Citação para contestar no prazo legal',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        processId: p.id,
        processNumber: p.number,
        route: 'CHIEF',
        toUserId: chief.id,
        eventSequence: 3,
      });
      expect(await view(p.id)).toMatchObject({ location: 'CONCLUSO', holderId: chief.id, version: p.version + 1 });
      expect(await inbox(chief)).toContain(p.id);

      const last = (await events(p.id)).at(-1)!;
      expect(last).toMatchObject({
        sequence: 3,
        code: MOVEMENTS.CITATION_RECEIVED.code,
        details: {
          communicationId: res.body.id,
          kind: 'CITATION',
          urgent: false,
          route: 'CHIEF',
          toUserId: chief.id,
          description: 'Citação para contestar no prazo legal',
        },
      });
      const [custody] = await db.query(
        `SELECT holder_id FROM process_custody WHERE process_id = $1 AND to_at IS NULL`,
        [p.id],
      );
      expect(custody.holder_id).toBe(chief.id);
    });

    it('goes to the Secretaria of a unit with no CHIEF — here with a new process, registered first', async () => {
      const res = await send({ kind: 'CITATION', unitId: chiefless.id, process: newProcess() }).expect(201);
      expect(res.body).toMatchObject({ route: 'SECRETARIA', toUserId: null, eventSequence: 2 });
      expect(res.body.processNumber).toBe(`${chiefless.code}.${new Date().getFullYear()}.000001`);

      const p = await view(res.body.processId, outsider);
      expect(p).toMatchObject({ location: 'SECRETARIA', holderId: null, version: 2 });
      const [registered, cited] = await events(res.body.processId, outsider);
      expect(registered).toMatchObject({ sequence: 1, code: MOVEMENTS.REGISTERED.code });
      expect(registered.details.legalDeadline).toEqual(expect.objectContaining({ id: expect.any(String) }));
      expect(cited).toMatchObject({ sequence: 2, code: MOVEMENTS.CITATION_RECEIVED.code });
      expect(await inbox(outsider)).toContain(res.body.processId);
    });

    it('with a new process in a unit with a CHIEF: registered, then concluso to the CHIEF', async () => {
      const res = await send({ kind: 'CITATION', unitId: unit.id, process: newProcess() }).expect(201);
      expect(res.body).toMatchObject({ route: 'CHIEF', toUserId: chief.id, eventSequence: 2 });
      expect(res.body.processNumber).toMatch(new RegExp(`^${unit.code}\\.`));
      expect(await view(res.body.processId, chief)).toMatchObject({ location: 'CONCLUSO', holderId: chief.id });
      expect(await inbox(chief)).toContain(res.body.processId);
    });
  });

  describe('an intimation', () => {
    it('urgent, outside any plantão, goes to the responsible member', async () => {
      const now = t.clock.now().getTime();
      await as(manager)
        .post('/duty-periods', {
          unitId: unit.id,
          memberId: onDuty.id,
          startsAt: new Date(now + 10 * HOUR).toISOString(),
          endsAt: new Date(now + 20 * HOUR).toISOString(),
        })
        .expect(201);
      const p = await register();
      const res = await send({ kind: 'INTIMATION', urgent: true, unitId: unit.id, processNumber: p.number }).expect(
        201,
      );
      expect(res.body).toMatchObject({ route: 'RESPONSIBLE', toUserId: member.id });
      expect(await inbox(member)).toContain(p.id);
    });

    it('urgent, inside a plantão, goes to its ON_DUTY member; not urgent, to the responsible member', async () => {
      const now = t.clock.now().getTime();
      await as(manager)
        .post('/duty-periods', {
          unitId: unit.id,
          memberId: onDuty.id,
          startsAt: new Date(now - HOUR).toISOString(),
          endsAt: new Date(now + HOUR).toISOString(),
        })
        .expect(201);
      const urgent = await register();
      const res = await send({
        kind: 'INTIMATION',
        urgent: true,
        unitId: unit.id,
        processNumber: urgent.number,
      }).expect(201);
      expect(res.body).toMatchObject({ route: 'ON_DUTY', toUserId: onDuty.id });
      expect(await inbox(onDuty)).toContain(urgent.id);
      expect((await events(urgent.id)).at(-1)).toMatchObject({
        code: MOVEMENTS.INTIMATION_RECEIVED.code,
        details: { kind: 'INTIMATION', urgent: true, route: 'ON_DUTY', toUserId: onDuty.id },
      });

      const ordinary = await register();
      const routed = await send({ kind: 'INTIMATION', unitId: unit.id, processNumber: ordinary.number }).expect(201);
      expect(routed.body).toMatchObject({ route: 'RESPONSIBLE', toUserId: member.id });
      expect(await view(ordinary.id)).toMatchObject({ location: 'CONCLUSO', holderId: member.id });
    });

    it('with no responsible member goes to the Secretaria, taking a concluded process back there', async () => {
      const p = await register({ responsibleMemberId: undefined });
      await as(clerk).post(`/processes/${p.id}/conclude`, { version: p.version, userId: member.id }).expect(200);
      const res = await send({ kind: 'INTIMATION', unitId: unit.id, processNumber: p.number }).expect(201);
      expect(res.body).toMatchObject({ route: 'SECRETARIA', toUserId: null });
      expect(await view(p.id)).toMatchObject({ location: 'SECRETARIA', holderId: null });
      expect(await inbox(clerk)).toContain(p.id);
      expect(await inbox(member)).not.toContain(p.id);
    });

    it('for a process already with its destination leaves it in place, still recording the event', async () => {
      const p = await register({ responsibleMemberId: undefined });
      const [before] = await db.query(`SELECT located_at FROM processes WHERE id = $1`, [p.id]);
      const custody = await db.query(`SELECT count(*)::int AS n FROM process_custody WHERE process_id = $1`, [p.id]);
      await send({ kind: 'INTIMATION', unitId: unit.id, processNumber: p.number }).expect(201);
      const [after] = await db.query(`SELECT located_at, version FROM processes WHERE id = $1`, [p.id]);
      expect(after).toEqual({ located_at: before.located_at, version: p.version + 1 });
      expect(await db.query(`SELECT count(*)::int AS n FROM process_custody WHERE process_id = $1`, [p.id])).toEqual(
        custody,
      );
      expect((await events(p.id)).at(-1)?.code).toBe(MOVEMENTS.INTIMATION_RECEIVED.code);
    });

    it('may be brought in by whoever may register in the unit, not only the Protocolo', async () => {
      const p = await register();
      await send({ kind: 'INTIMATION', unitId: unit.id, processNumber: p.number }, clerk).expect(201);
    });
  });

  describe('externalId', () => {
    it('sent again, gets the first answer with 200 and writes nothing — not even a second process', async () => {
      const body = { kind: 'CITATION', unitId: unit.id, process: newProcess(), externalId: 'TJAL-2026-000042' };
      const first = await send(body).expect(201);
      const before = await writes();
      const again = await send(body).expect(200);
      expect(again.body).toEqual(first.body);
      expect(await writes()).toEqual(before);
      expect((await events(first.body.processId)).at(-1)?.details.externalId).toBe('TJAL-2026-000042');
    });

    it('sent twice at once, is written once and replayed once', async () => {
      const body = { kind: 'CITATION', unitId: unit.id, process: newProcess(), externalId: 'TJAL-2026-000043' };
      const before = await writes();
      const answers = await Promise.all([send(body), send(body)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
      expect(answers[0].body).toEqual(answers[1].body);
      const after = await writes();
      expect(Number(after.processes) - Number(before.processes)).toBe(1);
      expect(Number(after.communications) - Number(before.communications)).toBe(1);
    });

    it('taken by a communication the caller may not read is refused, not revealed', async () => {
      const secret = await register({ secrecyLevel: 1 });
      await send(
        { kind: 'INTIMATION', unitId: unit.id, processNumber: secret.number, externalId: 'TJAL-SIGILO-1' },
        clerk,
      ).expect(201);
      const before = await writes();
      const res = await send({ kind: 'CITATION', unitId: unit.id, process: newProcess(), externalId: 'TJAL-SIGILO-1' })
        .expect(409)
        .expect('Content-Type', /application\/problem\+json/);
      expect(fields(res.body)).toEqual(['externalId']);
      expect(JSON.stringify(res.body)).not.toContain(secret.number);
      expect(await writes()).toEqual(before);
    });
  });

  describe('refusals write nothing', () => {
    let archived: { id: string; number: string };
    let level5: { id: string; number: string };

    beforeAll(async () => {
      archived = await register();
      await as(clerk).post(`/processes/${archived.id}/archive`, { version: 1 }).expect(200);
      level5 = await register({ secrecyLevel: 5 }, member);
    });

    it.each<[string, () => object, number, string[]]>([
      ['an unknown process number', () => ({ processNumber: `${unit.code}.2026.999999` }), 404, []],
      ['a text that is no process number', () => ({ processNumber: 'não-é-número' }), 400, ['processNumber']],
      [
        'both processNumber and process',
        () => ({ processNumber: archived.number, process: newProcess() }),
        400,
        ['processNumber', 'process'],
      ],
      ['neither processNumber nor process', () => ({}), 400, ['processNumber', 'process']],
      ['a process of another unit', () => ({ unitId: chiefless.id, processNumber: archived.number }), 409, []],
      ['an archived process', () => ({ processNumber: archived.number }), 409, []],
      ['a level-5 process the caller does not see', () => ({ processNumber: level5.number }), 404, []],
      ['an unknown field', () => ({ processNumber: archived.number, priority: true }), 400, ['priority']],
      [
        'a new process with a field only POST /processes takes (secrecyLevel)',
        () => ({ process: newProcess({ secrecyLevel: 3 }) }),
        400,
        ['process.secrecyLevel'],
      ],
      [
        'a new process with an invalid party',
        () => ({ process: newProcess({ parties: [{ name: 'X', type: 'Vítima' }] }) }),
        400,
        ['process.parties.0.name'],
      ],
      [
        'a new process failing registration',
        () => ({ process: newProcess({ classCode: 'XX' }) }),
        400,
        ['process.classCode'],
      ],
      ['an unknown kind', () => ({ kind: 'NOTIFICATION', processNumber: archived.number }), 400, ['kind']],
      [
        'an unknown unit',
        () => ({ unitId: '00000000-0000-4000-8000-000000000000', processNumber: archived.number }),
        400,
        ['unitId'],
      ],
      [
        'an externalId over 200 characters',
        () => ({ processNumber: archived.number, externalId: 'x'.repeat(201) }),
        400,
        ['externalId'],
      ],
    ])('%s', async (_, body, status, expectedFields) => {
      const before = await writes();
      const res = await send({ kind: 'INTIMATION', unitId: unit.id, ...body() })
        .expect(status)
        .expect('Content-Type', /application\/problem\+json/);
      expect(fields(res.body)).toEqual(expectedFields);
      if (status === 409) expect(res.body.detail).toMatch(/órgão|arquivado/);
      expect(await writes()).toEqual(before);
    });

    it("hides a level-5 process from its unit's MANAGER (404), who may otherwise bring communications in", async () => {
      const before = await writes();
      await send({ kind: 'INTIMATION', unitId: unit.id, processNumber: level5.number }, manager).expect(404);
      expect(await writes()).toEqual(before);
    });

    it('refuses (403) callers who may neither receive for the institution nor register in the unit', async () => {
      const p = await register();
      const before = await writes();
      for (const caller of [assistant, outsider]) {
        await send({ kind: 'CITATION', unitId: unit.id, processNumber: p.number }, caller).expect(403);
        await send({ kind: 'CITATION', unitId: unit.id, process: newProcess() }, caller).expect(403);
      }
      expect(await writes()).toEqual(before);
    });

    it('gives the Protocolo no way to register through POST /processes', async () => {
      await as(protocol)
        .post('/processes', { unitId: unit.id, ...newProcess() })
        .expect(403);
    });
  });

  describe('GET /communications/{id}', () => {
    it('answers who brought it in and who sees the process; to anyone else it does not exist', async () => {
      const secret = await register({ secrecyLevel: 1 });
      const sent = await send(
        { kind: 'INTIMATION', unitId: unit.id, processNumber: secret.number, description: 'Prazo de 15 dias' },
        clerk,
      ).expect(201);
      const expected = {
        ...sent.body,
        kind: 'INTIMATION',
        urgent: false,
        unitId: unit.id,
        externalId: null,
        description: 'Prazo de 15 dias',
        receivedAt: expect.any(String),
        receivedBy: clerk.id,
      };
      expect((await as(clerk).get(`/communications/${sent.body.id}`).expect(200)).body).toEqual(expected);
      expect((await as(member).get(`/communications/${sent.body.id}`).expect(200)).body).toEqual(expected);
      await as(protocol).get(`/communications/${sent.body.id}`).expect(404);
      await as(outsider).get(`/communications/${sent.body.id}`).expect(404);
      await as(member).get('/communications/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('keeps answering the Protocolo that received it', async () => {
      const sent = await send({ kind: 'CITATION', unitId: chiefless.id, process: newProcess() }).expect(201);
      const res = await as(protocol).get(`/communications/${sent.body.id}`).expect(200);
      expect(res.body).toMatchObject({ id: sent.body.id, receivedBy: protocol.id, route: 'SECRETARIA' });
    });
  });
});
