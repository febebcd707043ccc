import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
interface Draw {
  id: string;
  processId: string;
  memberId: string;
  prevention: boolean;
  processVersion: number;
}

describe('distribution: manual, lottery with compensation, prevention, impediment, cancellation, verifiable draws', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let db: DataSource;
  let centre: { id: string };
  let office: { id: string };
  let manager: Signed;
  let chief: Signed;
  let member: Signed;
  let analyst: Signed;
  let intern: Signed;
  let officeManager: Signed;
  let colleagues: { id: string }[];
  let group: { id: string };

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const n = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const writes = () =>
    n(`SELECT (SELECT count(*) FROM distributions) + (SELECT count(*) FROM distribution_draws)
            + (SELECT count(*) FROM distribution_batches) + (SELECT count(*) FROM process_events)
            + (SELECT coalesce(sum(received), 0) FROM distribution_group_members) AS n`);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const register = async (unitId = centre.id, by: Signed = manager) =>
    (
      await as(by)
        .post('/processes', { unitId, classCode: 'NF', subjectCode: '10011', summary: 'Representação sobre obra' })
        .expect(201)
    ).body as { id: string; number: string; version: number };
  const registerMany = async (count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await register()).id);
    return ids;
  };
  const view = async (id: string, by: Signed = manager) => (await as(by).get(`/processes/${id}`).expect(200)).body;
  const events = async (id: string, by: Signed = manager) =>
    (await as(by).get(`/processes/${id}/events?limit=200`).expect(200)).body.items as {
      code: string;
      details: Record<string, unknown>;
      documentIds: string[];
    }[];
  const lottery = (body: object, by: Signed = manager, groupId = group.id) =>
    as(by).post(`/distribution-groups/${groupId}/lottery`, body);
  const counters = async (groupId = group.id) =>
    new Map(
      (
        await db.query<{ user_id: string; received: number }[]>(
          `SELECT user_id, received FROM distribution_group_members WHERE group_id = $1`,
          [groupId],
        )
      ).map((r) => [r.user_id, r.received]),
    );
  const newGroup = async (members: object[], name = `Grupo ${Math.random()}`) =>
    (await as(manager).post('/distribution-groups', { name, unitId: centre.id, members }).expect(201)).body as {
      id: string;
    };
  /** A signed document of the given type in the process, by a member of the unit where it is. */
  const signed = async (processId: string, typeCode: string, by: Signed) => {
    const doc = await as(by)
      .post(`/processes/${processId}/documents`, { typeCode, title: typeCode, content: '<p>Declaro.</p>' })
      .expect(201);
    await as(by).post(`/documents/${doc.body.id}/sign`, { version: doc.body.version }).expect(200);
    return doc.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    centre = await createUnit(t, { kind: 'DISTRIBUTION_CENTER', name: 'Centro de Distribuição Cível' });
    office = await createUnit(t);
    manager = await flow.signedInUser({ profile: 'MANAGER', unitId: centre.id, secretaria: true });
    chief = await flow.signedInUser({ profile: 'CHIEF', unitId: centre.id, secretaria: true });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: office.id, secretaria: true });
    analyst = await flow.signedInUser({ profile: 'ANALYST', unitId: centre.id, linkedMemberId: chief.id });
    intern = await flow.signedInUser({ profile: 'INTERN', unitId: centre.id, secretaria: true });
    officeManager = await flow.signedInUser({ profile: 'MANAGER', unitId: office.id, secretaria: true });
    colleagues = [];
    for (let i = 0; i < 6; i++) colleagues.push(await createUser(t, { profile: 'MEMBER', unitId: office.id }));
    group = await newGroup(
      [member, ...colleagues].map((m) => ({ userId: m.id })),
      'Distribuição Cível',
    );
  }, 120_000);

  afterAll(() => t?.close());

  describe('lottery', () => {
    it('draws a batch with compensation: 7 equal members, 70 processes, 10 each, balanced after every draw', async () => {
      const ids = await registerMany(70);
      const res = await lottery({ processIds: ids }).expect(201);
      const draws = res.body.draws as Draw[];
      expect(draws.map((d) => d.processId)).toEqual(ids);
      expect(res.body).toMatchObject({
        algorithm: 'acervo-draw-v1',
        commitment: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      const counts = new Map<string, number>();
      for (const d of draws) {
        counts.set(d.memberId, (counts.get(d.memberId) ?? 0) + 1);
        const values = [...counts.values(), ...Array(7 - counts.size).fill(0)];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }
      expect([...counts.values()]).toEqual(Array(7).fill(10));
      expect([...(await counters()).values()]).toEqual(Array(7).fill(10));

      const p = await view(ids[0]);
      expect(p.responsibleMemberId).toBe(draws[0].memberId);
      expect(p.version).toBe(draws[0].processVersion);
      expect(p.location).toBe('SECRETARIA');
      // The view carries what the SPA shows of it in one request: deadlines and distributions too.
      expect(p.deadlines).toEqual([expect.objectContaining({ kind: 'LEGAL', state: 'PENDING' })]);
      expect(p.distributions[0]).toMatchObject({
        kind: 'LOTTERY',
        groupId: group.id,
        drawId: draws[0].id,
        memberId: draws[0].memberId,
        distributorId: manager.id,
        endsOn: null,
        cancelled: false,
      });
      const last = (await events(ids[0])).at(-1)!;
      expect(last).toMatchObject({
        code: MOVEMENTS.DISTRIBUTED.code,
        details: { type: 'LOTTERY', drawId: draws[0].id, memberId: draws[0].memberId, distributorId: manager.id },
      });
    });

    it('stores every draw — candidates with their counts, the random value, the result — and anyone can re-check it', async () => {
      const [id] = await registerMany(1);
      const res = await lottery({ processIds: [id] }).expect(201);
      const { id: drawId, memberId } = res.body.draws[0] as Draw;
      const record = (await as(member).get(`/distribution-groups/${group.id}/draws/${drawId}`).expect(200)).body;
      expect(record).toMatchObject({
        processId: id,
        processNumber: expect.stringMatching(/^\d{3}\.\d{4}\.\d{6}$/), // level 0: every internal user sees it
        prevention: false,
        memberId,
        runBy: manager.id,
        commitment: res.body.commitment,
        seed: res.body.seed,
        randomValue: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(record.candidates).toHaveLength(7);
      expect(record.candidates.every((c: { received: number }) => c.received === 10)).toBe(true);
      expect(record.tied).toHaveLength(7);
      // A record of a process above the member's reach is not there for it — not listed, not hinted at.
      await db.query(`UPDATE processes SET secrecy_level = 3 WHERE id = $1`, [id]);
      await as(member).get(`/distribution-groups/${group.id}/draws/${drawId}`).expect(404);
      await as(member).get(`/distribution-groups/${group.id}/draws/${drawId}/verify`).expect(404);
      const listed = await as(member).get(`/distribution-groups/${group.id}/draws?limit=200`).expect(200);
      expect(listed.body.items.map((d: { id: string }) => d.id)).not.toContain(drawId);
      const history = await as(member).get(`/distribution-groups/${group.id}/distributions?limit=200`).expect(200);
      expect(history.body.items.map((d: { processId: string }) => d.processId)).not.toContain(id);
      await as(chief).get(`/distribution-groups/${group.id}/draws/${drawId}`).expect(200);
      await db.query(`UPDATE processes SET secrecy_level = 0 WHERE id = $1`, [id]);

      const verification = await as(member).get(`/distribution-groups/${group.id}/draws/${drawId}/verify`).expect(200);
      expect(verification.body).toMatchObject({
        verified: true,
        seedMatchesCommitment: true,
        randomValueMatches: true,
        resultMatches: true,
        distributionMatches: true,
        recomputed: { memberId },
      });

      // The documented offline procedure: a script with no dependency on Acervo's code.
      const offline = execFileSync(process.execPath, [join(__dirname, '../../../docs/verify-draw.mjs')], {
        input: JSON.stringify(record),
      }).toString();
      expect(offline).toContain(`OK: ${memberId}`);
      const tampered = { ...record, candidates: record.candidates.map((c: object) => ({ ...c, received: 3 })) };
      expect(() =>
        execFileSync(process.execPath, [join(__dirname, '../../../docs/verify-draw.mjs')], {
          input: JSON.stringify(tampered),
          stdio: 'pipe',
        }),
      ).toThrow(/MISMATCH/);

      // Draw records are evidence: the database refuses to change them.
      await expect(
        db.query(`UPDATE distribution_draws SET member_id = $2 WHERE id = $1`, [drawId, chief.id]),
      ).rejects.toThrow(/immutable/);
      const page = await as(chief).get(`/distribution-groups/${group.id}/draws?limit=5`).expect(200);
      expect(page.body.items).toHaveLength(5);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      const more = await as(chief).get(
        `/distribution-groups/${group.id}/draws?limit=100&cursor=${page.body.nextCursor}`,
      );
      expect(more.body.items.map((d: { id: string }) => d.id)).not.toContain(page.body.items[0].id);
      expect(page.body.items.length + more.body.items.length).toBe(71);
    });

    it('skips members away (designation ended, or inactive) and never draws an impeded one', async () => {
      const [a, b, c] = [await createUser(t, { profile: 'MEMBER', unitId: office.id }), ...colleagues.slice(0, 2)];
      const small = await newGroup([{ userId: a.id }, { userId: b.id }, { userId: c.id, endsOn: '2020-01-31' }]);
      await db.query(`UPDATE users SET active = false WHERE id = $1`, [a.id]);
      const ids = await registerMany(4);
      const res = await lottery({ processIds: ids }, manager, small.id).expect(201);
      expect(new Set((res.body.draws as Draw[]).map((d) => d.memberId))).toEqual(new Set([b.id]));
      const record = (await as(manager).get(`/distribution-groups/${small.id}/draws/${res.body.draws[0].id}`)).body;
      expect(record.excluded).toEqual(
        expect.arrayContaining([
          { memberId: a.id, reason: 'AWAY' },
          { memberId: c.id, reason: 'AWAY' },
        ]),
      );
      await db.query(`UPDATE users SET active = true WHERE id = $1`, [a.id]);
    });

    it('prevention: to the member prevento without a draw, and it counts', async () => {
      const ids = await registerMany(2);
      const before = await counters();
      const related = await as(officeManager)
        .post('/processes', {
          unitId: office.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Processo principal',
          responsibleMemberId: colleagues[3].id,
        })
        .expect(201);
      const res = await lottery({
        processIds: ids,
        preventions: [{ processId: ids[0], relatedProcessId: related.body.id }],
      });
      expect(res.status).toBe(201);
      expect(res.body.draws[0]).toMatchObject({ memberId: colleagues[3].id, prevention: true });
      expect((await counters()).get(colleagues[3].id)).toBe(before.get(colleagues[3].id)! + 1);
      const record = (await as(manager).get(`/distribution-groups/${group.id}/draws/${res.body.draws[0].id}`)).body;
      expect(record).toMatchObject({
        prevention: true,
        relatedProcessId: related.body.id,
        randomValue: null,
        tied: [],
      });
      expect((await as(manager).get(`/distribution-groups/${group.id}/draws/${record.id}/verify`)).body.verified).toBe(
        true,
      );
      expect((await view(ids[0])).distributions[0].kind).toBe('PREVENTION');
    });

    it('sends each process at once: forwarded to the member’s unit, or concluded to a member of the centre', async () => {
      const centreGroup = await newGroup([{ userId: chief.id }]);
      const [here] = await registerMany(1);
      const res = await lottery({ processIds: [here], sendImmediately: true }, chief, centreGroup.id).expect(201);
      expect(await view(here)).toMatchObject({
        location: 'CONCLUSO',
        holderId: chief.id,
        responsibleMemberId: chief.id,
      });

      const [away] = await registerMany(1);
      const sent = await lottery({ processIds: [away], sendImmediately: true }).expect(201);
      const p = await view(away, officeManager);
      expect(p).toMatchObject({
        location: 'SECRETARIA',
        unitId: office.id,
        responsibleMemberId: sent.body.draws[0].memberId,
      });
      expect((await events(away, officeManager)).slice(-2).map((e) => e.code)).toEqual([
        MOVEMENTS.DISTRIBUTED.code,
        MOVEMENTS.SENT.code,
      ]);
      expect(res.body.draws[0].memberId).toBe(chief.id);
    });

    it('refuses, writing nothing: another profile, unknown group, bad batch, already distributed, nobody to draw', async () => {
      const ids = await registerMany(2);
      const elsewhere = await register(office.id, officeManager);
      const empty = await newGroup([]);
      const before = await writes();
      await lottery({ processIds: ids }, member).expect(403);
      await lottery({ processIds: ids }, intern).expect(403);
      await lottery({ processIds: ids }, manager, '00000000-0000-4000-8000-000000000000').expect(404);
      expect(fields((await lottery({ processIds: [ids[0], ids[0]] }).expect(400)).body)).toEqual(['processIds.1']);
      expect(fields((await lottery({ processIds: [] }).expect(400)).body)).toEqual(['processIds']);
      expect(fields((await lottery({ processIds: ['nope'] }).expect(400)).body)).toEqual(['processIds']);
      expect(fields((await lottery({ processIds: [ids[0], elsewhere.id] }).expect(400)).body)).toEqual([
        'processIds.1',
      ]);
      // Prevention names the related process whose member is prevento: one with nobody responsible will not do.
      expect(
        fields(
          (
            await lottery({ processIds: ids, preventions: [{ processId: ids[0], relatedProcessId: ids[1] }] }).expect(
              400,
            )
          ).body,
        ),
      ).toEqual(['preventions.0.relatedProcessId']);
      expect(
        fields(
          (
            await lottery({
              processIds: ids,
              preventions: [{ processId: elsewhere.id, relatedProcessId: ids[1] }],
            }).expect(400)
          ).body,
        ),
      ).toEqual(['preventions.0.processId']);
      // A cursor of the right shape but the wrong content (["x","y"]) is refused, not passed to SQL.
      await as(member).get(`/distribution-groups/${group.id}/draws?cursor=WyJ4IiwieSJd`).expect(400);
      await as(member).get(`/distribution-groups/${group.id}/distributions?cursor=WyJ4IiwieSJd`).expect(400);
      await as(member).get(`/distribution-groups/${group.id}/distributions?from=2026-05-02&to=2026-05-01`).expect(400);
      await lottery({ processIds: ids, unknown: 1 }).expect(400);
      expect(fields((await lottery({ processIds: ids }, manager, empty.id).expect(409)).body)).toEqual([
        'processIds.0',
        'processIds.1',
      ]);
      expect(await writes()).toBe(before);

      await lottery({ processIds: [ids[0]] }).expect(201);
      const afterOne = await writes();
      expect(fields((await lottery({ processIds: ids }).expect(409)).body)).toEqual(['processIds.0']);
      await as(manager)
        .post(`/processes/${ids[0]}/archive`, { version: (await view(ids[0])).version })
        .expect(403); // MANAGER never acts
      expect(await writes()).toBe(afterOne);
    });

    it('the one-process route: version checked, then a batch of one', async () => {
      const p = await register();
      await as(manager)
        .post(`/processes/${p.id}/lottery`, { version: p.version + 1, groupId: group.id })
        .expect(409);
      await as(member).post(`/processes/${p.id}/lottery`, { version: p.version, groupId: group.id }).expect(403);
      const res = await as(manager).post(`/processes/${p.id}/lottery`, { version: p.version, groupId: group.id });
      expect(res.status).toBe(201);
      expect(res.body.draws).toHaveLength(1);
      expect((await view(p.id)).version).toBe(p.version + 1);
    });

    it('two lotteries at once in one group: balance kept, no process assigned twice', async () => {
      const balanced = await newGroup(colleagues.slice(0, 4).map((c) => ({ userId: c.id })));
      const first = await registerMany(12);
      const second = await registerMany(12);
      const [a, b] = await Promise.all([
        lottery({ processIds: first }, manager, balanced.id),
        lottery({ processIds: second }, chief, balanced.id),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const values = [...(await counters(balanced.id)).values()];
      expect(values).toEqual([6, 6, 6, 6]);

      const overlap = await registerMany(8);
      const [c, d] = await Promise.all([
        lottery({ processIds: overlap }, manager, balanced.id),
        lottery({ processIds: [...overlap].reverse() }, chief, balanced.id),
      ]);
      expect([c.status, d.status].sort()).toEqual([201, 409]);
      const perProcess = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM distributions WHERE process_id = ANY($1::uuid[]) GROUP BY process_id`,
        [overlap],
      );
      expect(perProcess.map((r) => r.n)).toEqual(Array(8).fill(1));
      expect([...(await counters(balanced.id)).values()]).toEqual([8, 8, 8, 8]);
      // A loser that committed before the winner drew keeps its commitment, without a seed and without draws.
      expect(
        await n(`SELECT count(*) AS n FROM distribution_batches WHERE group_id = $1 AND seed IS NULL`, [balanced.id]),
      ).toBeLessThanOrEqual(1);
      expect(
        await n(
          `SELECT count(*) AS n FROM distribution_draws d JOIN distribution_batches b ON b.id = d.batch_id
            WHERE b.seed IS NULL`,
        ),
      ).toBe(0);
    });
  });

  describe('impediment and cancellation', () => {
    it('the member declares impediment: back to the centre, excluded from the next draws of that process', async () => {
      const pair = await newGroup([{ userId: member.id }, { userId: colleagues[5].id }]);
      const p = await register();
      const principal = await as(member)
        .post('/processes', {
          unitId: office.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Principal',
          responsibleMemberId: member.id,
        })
        .expect(201);
      await as(manager)
        .post(`/processes/${p.id}/lottery`, {
          version: p.version,
          groupId: pair.id,
          relatedProcessId: principal.body.id,
          sendImmediately: true,
        })
        .expect(201);
      expect(await view(p.id, member)).toMatchObject({ unitId: office.id, responsibleMemberId: member.id });
      const declaration = await signed(p.id, 'DECLARACAO_IMPEDIMENTO', member);
      const version = (await view(p.id, member)).version;

      const before = await writes();
      await as(officeManager).post(`/processes/${p.id}/impediment`, { version, documentId: declaration }).expect(403);
      expect(
        fields(
          (
            await as(member)
              .post(`/processes/${p.id}/impediment`, { version, documentId: colleagues[0].id })
              .expect(400)
          ).body,
        ),
      ).toEqual(['documentId']);
      await as(member)
        .post(`/processes/${p.id}/impediment`, { version: version - 1, documentId: declaration })
        .expect(409);
      expect(await writes()).toBe(before);

      await as(member).post(`/processes/${p.id}/impediment`, { version, documentId: declaration }).expect(200);
      const back = await view(p.id);
      expect(back).toMatchObject({ unitId: centre.id, location: 'SECRETARIA', responsibleMemberId: null });
      expect(back.distributions[0]).toMatchObject({ memberId: member.id, endReason: 'IMPEDIMENT', cancelled: false });
      expect((await events(p.id)).at(-1)).toMatchObject({
        code: MOVEMENTS.IMPEDIMENT_DECLARED.code,
        documentIds: [declaration],
        details: { memberId: member.id, toUnitId: centre.id },
      });
      // Still counts: the member did receive it.
      expect((await counters(pair.id)).get(member.id)).toBe(1);

      // The member prevento is impeded now, and a draw never picks it either.
      const again = await view(p.id);
      await as(manager)
        .post(`/processes/${p.id}/lottery`, {
          version: again.version,
          groupId: pair.id,
          relatedProcessId: principal.body.id,
        })
        .expect(409);
      // Nor may anyone hand it back to the impeded member by hand.
      expect(
        fields(
          (
            await as(manager)
              .post(`/processes/${p.id}/distribute`, { version: again.version, memberId: member.id })
              .expect(409)
          ).body,
        ),
      ).toEqual(['memberId']);
      const res = await as(manager).post(`/processes/${p.id}/lottery`, { version: again.version, groupId: pair.id });
      expect(res.body.draws[0].memberId).toBe(colleagues[5].id);
      const record = (await as(manager).get(`/distribution-groups/${pair.id}/draws/${res.body.draws[0].id}`)).body;
      expect(record.excluded).toEqual([{ memberId: member.id, reason: 'IMPEDED' }]);
    });

    it('cancellation with the signed term: stops counting, the member receives another; then redistribute', async () => {
      const pair = await newGroup([{ userId: colleagues[1].id }, { userId: colleagues[2].id }]);
      const p = await register();
      const drawn = await as(manager).post(`/processes/${p.id}/lottery`, { version: p.version, groupId: pair.id });
      const first = drawn.body.draws[0].memberId as string;
      const term = await signed(p.id, 'TERMO_CANCELAMENTO_DISTRIBUICAO', chief);
      const version = (await view(p.id)).version;

      const offered = async (user: Signed) =>
        (await as(user).get(`/processes/${p.id}`).expect(200)).body.allowedActions as string[];
      expect(await offered(manager)).toContain('cancel-distribution');
      expect(await offered(member)).not.toContain('cancel-distribution');

      const before = await writes();
      await as(member).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }).expect(403);
      await as(intern).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }).expect(403);
      await as(analyst).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }).expect(403);
      await as(manager)
        .post(`/processes/${p.id}/cancel-distribution`, { version: version - 1, documentId: term })
        .expect(409);
      expect(await writes()).toBe(before);

      await as(manager).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }).expect(200);
      expect((await counters(pair.id)).get(first)).toBe(0);
      expect(await offered(manager)).not.toContain('cancel-distribution');
      const after = await view(p.id);
      expect(after.responsibleMemberId).toBeNull();
      expect(after.distributions[0]).toMatchObject({ memberId: first, endReason: 'CANCELLED', cancelled: true });
      expect((await events(p.id)).at(-1)).toMatchObject({
        code: MOVEMENTS.DISTRIBUTION_CANCELLED.code,
        documentIds: [term],
      });
      await as(manager)
        .post(`/processes/${p.id}/cancel-distribution`, { version: after.version, documentId: term })
        .expect(409);

      // Its count went back to zero: both are level, the redistribution is a fair draw again.
      const re = await as(manager).post(`/processes/${p.id}/lottery`, { version: after.version, groupId: pair.id });
      expect(re.status).toBe(201);
      const report = (await as(manager).get(`/distribution-groups/${pair.id}/report`).expect(200)).body;
      const row = report.members.find((m: { memberId: string }) => m.memberId === first);
      expect(row).toMatchObject({ cancelled: 1 });
      expect(report.members.reduce((s: number, m: { counting: number }) => s + m.counting, 0)).toBe(1);

      // A term cancels once.
      const current = await view(p.id);
      expect(
        fields(
          (
            await as(manager)
              .post(`/processes/${p.id}/cancel-distribution`, { version: current.version, documentId: term })
              .expect(400)
          ).body,
        ),
      ).toEqual(['documentId']);
    });

    it('a drawn process sent away comes back to the centre when its distribution is cancelled; only the centre cancels it', async () => {
      const pair = await newGroup([{ userId: colleagues[1].id }, { userId: colleagues[2].id }]);
      const p = await register();
      await as(manager)
        .post(`/processes/${p.id}/lottery`, { version: p.version, groupId: pair.id, sendImmediately: true })
        .expect(201);
      const away = await view(p.id, officeManager);
      expect(away.unitId).toBe(office.id);
      const term = await signed(p.id, 'TERMO_CANCELAMENTO_DISTRIBUICAO', member);
      const version = (await view(p.id, officeManager)).version;
      // The promotoria's manager did not draw it: not its to cancel.
      await as(officeManager).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }).expect(403);
      await as(manager).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }).expect(200);
      expect(await view(p.id)).toMatchObject({ unitId: centre.id, location: 'SECRETARIA', responsibleMemberId: null });
      expect([...(await counters(pair.id)).values()]).toEqual([0, 0]);
    });

    it('a cancellation and a lottery on the same process at once: one order or the other, never a deadlock', async () => {
      const pair = await newGroup([{ userId: colleagues[1].id }, { userId: colleagues[2].id }]);
      for (let round = 0; round < 3; round++) {
        const p = await register();
        await as(manager).post(`/processes/${p.id}/lottery`, { version: p.version, groupId: pair.id }).expect(201);
        const term = await signed(p.id, 'TERMO_CANCELAMENTO_DISTRIBUICAO', chief);
        const others = await registerMany(3);
        const version = (await view(p.id)).version;
        const [cancel, draw] = await Promise.all([
          as(manager).post(`/processes/${p.id}/cancel-distribution`, { version, documentId: term }),
          lottery({ processIds: [p.id, ...others] }, chief, pair.id),
        ]);
        expect(cancel.status).toBe(200);
        // Drawn after the cancellation, or refused because the process was still distributed.
        expect([201, 409]).toContain(draw.status);
      }
      const counted = await n(`SELECT count(*) AS n FROM distributions WHERE group_id = $1 AND cancelled_at IS NULL`, [
        pair.id,
      ]);
      expect([...(await counters(pair.id)).values()].reduce((a, b) => a + b, 0)).toBe(counted);
    });

    it('a member joining a group starts level with the least served, not at zero', async () => {
      const trio = await newGroup([{ userId: colleagues[0].id }, { userId: colleagues[1].id }]);
      await lottery({ processIds: await registerMany(6) }, manager, trio.id).expect(201);
      await as(manager).post(`/distribution-groups/${trio.id}/members`, { userId: colleagues[2].id }).expect(200);
      expect((await counters(trio.id)).get(colleagues[2].id)).toBe(3);
      // Changing a member's weight keeps its count.
      await as(manager)
        .post(`/distribution-groups/${trio.id}/members`, { userId: colleagues[0].id, weight: 2 })
        .expect(200);
      expect((await counters(trio.id)).get(colleagues[0].id)).toBe(3);
    });

    it('a committed batch cannot be rewritten', async () => {
      const [batch] = await db.query<{ id: string }[]>(
        `SELECT id FROM distribution_batches WHERE seed IS NOT NULL LIMIT 1`,
      );
      await expect(
        db.query(`UPDATE distribution_batches SET commitment = repeat('0', 64) WHERE id = $1`, [batch.id]),
      ).rejects.toThrow(/immutable/);
      await expect(db.query(`DELETE FROM distribution_batches WHERE id = $1`, [batch.id])).rejects.toThrow(/immutable/);
    });
  });

  describe('manual distribution', () => {
    it('by CHIEF/MANAGER to any member, by an ANALYST to its member, by a member to itself; replaces the running one', async () => {
      const p = await register();
      const before = await writes();
      await as(intern).post(`/processes/${p.id}/distribute`, { version: p.version, memberId: chief.id }).expect(403);
      await as(analyst).post(`/processes/${p.id}/distribute`, { version: p.version, memberId: member.id }).expect(403);
      expect(
        fields(
          (
            await as(manager)
              .post(`/processes/${p.id}/distribute`, { version: p.version, memberId: member.id })
              .expect(400)
          ).body,
        ),
      ).toEqual(['memberId']); // not a member of the centre
      await as(manager)
        .post(`/processes/${p.id}/distribute`, { version: p.version + 1, memberId: chief.id })
        .expect(409);
      await as(manager).post(`/processes/${p.id}/distribute`, { version: p.version }).expect(400);
      expect(await writes()).toBe(before);

      const res = await as(analyst).post(`/processes/${p.id}/distribute`, { version: p.version, memberId: chief.id });
      expect(res.status).toBe(200);
      const v = await view(p.id);
      expect(v.responsibleMemberId).toBe(chief.id);
      expect(v.distributions[0]).toMatchObject({ kind: 'MANUAL', memberId: chief.id, distributorId: analyst.id });
      expect((await events(p.id)).at(-1)).toMatchObject({
        code: MOVEMENTS.DISTRIBUTED.code,
        details: { type: 'MANUAL', memberId: chief.id, distributorId: analyst.id },
      });
      expect(
        fields(
          (await as(manager).post(`/processes/${p.id}/distribute`, { version: v.version, memberId: chief.id })).body,
        ),
      ).toEqual(['memberId']);

      // A member takes its own Notícia de Fato; the earlier distribution ends as replaced.
      const mine = await register(office.id, member);
      await as(member)
        .post(`/processes/${mine.id}/distribute`, { version: mine.version, memberId: member.id })
        .expect(200);
      const substitute = colleagues[4];
      const current = await view(mine.id, member);
      await as(member)
        .post(`/processes/${mine.id}/distribute`, { version: current.version, memberId: substitute.id })
        .expect(403);
      await as(officeManager)
        .post(`/processes/${mine.id}/distribute`, { version: current.version, memberId: substitute.id })
        .expect(200);
      // Nor can the member take it back: a process with a responsible member is the chief's or manager's to redistribute.
      await as(member)
        .post(`/processes/${mine.id}/distribute`, { version: current.version + 1, memberId: member.id })
        .expect(403);
      const records = (await view(mine.id, member)).distributions;
      expect(records.map((r: { memberId: string; endReason: string | null }) => [r.memberId, r.endReason])).toEqual([
        [substitute.id, null],
        [member.id, 'REPLACED'],
      ]);
    });

    it('registration with a responsible member records the distribution too', async () => {
      const res = await as(manager)
        .post('/processes', {
          unitId: centre.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Inventário',
          responsibleMemberId: chief.id,
        })
        .expect(201);
      expect((await view(res.body.id)).distributions).toEqual([
        expect.objectContaining({ kind: 'MANUAL', memberId: chief.id, distributorId: manager.id, groupId: null }),
      ]);
    });
  });

  describe('reports', () => {
    it('history per group and period, counts per member', async () => {
      // Yesterday in UTC is on or before today wherever the institution is.
      const today = new Date(t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
      const history = await as(member).get(`/distribution-groups/${group.id}/distributions?limit=200&from=${today}`);
      expect(history.status).toBe(200);
      expect(history.body.items.length).toBeGreaterThanOrEqual(70);
      expect(history.body.items[0]).toMatchObject({
        groupId: group.id,
        kind: 'LOTTERY',
        processNumber: expect.any(String),
      });
      const none = await as(member).get(`/distribution-groups/${group.id}/distributions?to=2020-01-01`).expect(200);
      expect(none.body.items).toEqual([]);
      await as(member).get(`/distribution-groups/${group.id}/distributions?from=2026-02-30`).expect(400);

      await as(member).get(`/distribution-groups/${group.id}/report`).expect(403);
      const report = (await as(manager).get(`/distribution-groups/${group.id}/report?from=${today}`).expect(200)).body;
      expect(report.members).toHaveLength(7);
      const total = report.members.reduce((s: number, m: { received: number }) => s + m.received, 0);
      expect(total).toBe(await n(`SELECT count(*) AS n FROM distributions WHERE group_id = $1`, [group.id]));
      for (const m of report.members) expect(m.counting).toBe((await counters()).get(m.memberId));
    });
  });
});
