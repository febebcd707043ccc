import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate, rafMonthBounds } from '@acervo/domain';
import { RafEventsStore, type RafPosition } from '@acervo/persistence';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const XSD = join(__dirname, '../../../docs/raf.xsd');

/** Validates a file against the committed XSD with a real validator (libxml2's xmllint). */
function validate(xml: Buffer): void {
  const file = join(mkdtempSync(join(tmpdir(), 'raf-')), 'raf.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
}

describe('RAF: activities, preview, export valid against the XSD, re-export, only the member', () => {
  let t: TestApp;
  let db: DataSource;
  let flow: AuthFlow;
  let unitA: { id: string; code: string };
  let unitB: { id: string; code: string };
  let member: Signed;
  let colleague: Signed;
  let chief: Signed;
  let clerk: Signed;
  let month: string;
  let exportId: string;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
  });
  const tick = () => t.clock.advance(1_000);
  const version = async (id: string) => (await as(chief).get(`/processes/${id}`).expect(200)).body.version as number;
  const register = async (by: Signed, unitId: string, over: object = {}) => {
    tick();
    return (
      await as(by)
        .post('/processes', { unitId, classCode: 'NF', subjectCode: '10011', summary: 'Apuração de fatos', ...over })
        .expect(201)
    ).body as { id: string; number: string };
  };
  const download = async (id: string, by: Signed = member) =>
    as(by)
      .get(`/raf/exports/${id}.xml`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    unitA = await createUnit(t);
    unitB = await createUnit(t);
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id, secretaria: true });
    // The member also acts in a second unit.
    await db.query(`INSERT INTO assignments (user_id, unit_id, profile, secretaria) VALUES ($1, $2, 'MEMBER', true)`, [
      member.id,
      unitB.id,
    ]);
    member = {
      ...member,
      token: await flow.signIn(member.username, member.password, member.secret).then((r) => r.accessToken),
    };
    colleague = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id, secretaria: true });
    // The Corregedoria files a RAF by matrícula; a control character in a name must not break a file.
    await db.query(`UPDATE users SET registration_number = '1234-5', full_name = 'Membro\u000bTeste' WHERE id = $1`, [
      member.id,
    ]);
    await db.query(`UPDATE users SET registration_number = '9876-0' WHERE id = $1`, [colleague.id]);
    chief = await flow.signedInUser({ profile: 'CHIEF', unitId: unitA.id, secretaria: true });
    clerk = await flow.signedInUser({ profile: 'INTERN', unitId: unitA.id, secretaria: true });
    month = localDate(t.clock.now(), 'America/Sao_Paulo').slice(0, 7);
  }, 120_000);

  afterAll(() => t?.close());

  it('attributes each event of the month: performed in two units, and by the distribution in force', async () => {
    // Performed by the member, in each of its units (parties' names must never reach the file).
    const inA = await register(member, unitA.id, { parties: [{ name: 'Joana Sigilosa da Silva', type: 'Vítima' }] });
    const inB = await register(member, unitB.id);

    // Redistributed mid-month: the colleague is responsible first, then the member.
    const shared = await register(chief, unitA.id, { responsibleMemberId: colleague.id });
    tick();
    await as(chief)
      .post(`/processes/${shared.id}/conclude`, { version: await version(shared.id), userId: clerk.id })
      .expect(200);
    tick();
    await as(chief)
      .post(`/processes/${shared.id}/distribute`, { version: await version(shared.id), memberId: member.id })
      .expect(200);
    tick();
    await as(clerk)
      .post(`/processes/${shared.id}/to-secretaria`, { version: await version(shared.id) })
      .expect(200);

    const preview = await as(member).get(`/raf/preview?month=${month}&limit=200`).expect(200);
    const events = preview.body.events as {
      eventId: string;
      processNumber: string;
      movementCode: string;
      unitCode: string;
      basis: string;
    }[];
    const of = (number: string) => events.filter((e) => e.processNumber === number);
    expect(of(inA.number).map((e) => e.basis)).toEqual(['PERFORMED']);
    expect(of(inA.number)[0].unitCode).toBe(unitA.code);
    expect(of(inB.number).map((e) => [e.basis, e.unitCode])).toEqual([['PERFORMED', unitB.code]]);
    // Of the shared process: the redistribution (920005) and the return to the Secretaria after it — not
    // its registration nor the conclusion before it, which were the colleague's.
    expect(of(shared.number).map((e) => [e.movementCode, e.basis])).toEqual([
      ['920005', 'RESPONSIBLE'],
      ['900028', 'RESPONSIBLE'],
    ]);
    expect(preview.body.eventCount).toBe(events.length);
    // Paged by a keyset cursor, in the same order.
    const first = await as(member).get(`/raf/preview?month=${month}&limit=2`).expect(200);
    const second = await as(member).get(`/raf/preview?month=${month}&limit=200&cursor=${first.body.nextCursor}`);
    expect([...first.body.events, ...second.body.events].map((e: { eventId: string }) => e.eventId)).toEqual(
      events.map((e) => e.eventId),
    );
    expect(preview.body.totals.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(events.length);

    // Cancelling the distribution later does not take back what happened while it was in force.
    tick();
    const term = await as(chief)
      .post(`/processes/${shared.id}/documents`, {
        typeCode: 'TERMO_CANCELAMENTO_DISTRIBUICAO',
        title: 'Termo',
        content: '<p>Cancelo.</p>',
      })
      .expect(201);
    await as(chief).post(`/documents/${term.body.id}/sign`, { version: term.body.version }).expect(200);
    tick();
    await as(chief)
      .post(`/processes/${shared.id}/cancel-distribution`, {
        version: await version(shared.id),
        documentId: term.body.id,
      })
      .expect(200);
    const after = (await as(member).get(`/raf/preview?month=${month}&limit=200`).expect(200)).body.events as {
      processNumber: string;
      movementCode: string;
    }[];
    // …the signing of the term (Juntada, while still in force) is the member's too; the 488 is not.
    expect(after.filter((e) => e.processNumber === shared.number).map((e) => e.movementCode)).toEqual([
      '920005',
      '900028',
      '900005',
    ]);

    const theirs = (await as(colleague).get(`/raf/preview?month=${month}&limit=200`).expect(200)).body.events as {
      processNumber: string;
      movementCode: string;
    }[];
    expect(theirs.filter((e) => e.processNumber === shared.number).map((e) => e.movementCode)).toEqual([
      '900001',
      '920005',
      '900006',
    ]);
  });

  it('an event the member performs on a process distributed to it counts once, on both grounds', async () => {
    const own = await register(chief, unitA.id, { responsibleMemberId: member.id });
    tick();
    await as(member)
      .post(`/processes/${own.id}/conclude`, { version: await version(own.id), userId: clerk.id })
      .expect(200);
    const events = (await as(member).get(`/raf/preview?month=${month}&limit=200`).expect(200)).body.events as {
      processNumber: string;
      movementCode: string;
      basis: string;
    }[];
    // Registered and distributed by the chief (the member's by distribution); concluded by the member.
    expect(events.filter((e) => e.processNumber === own.number).map((e) => [e.movementCode, e.basis])).toEqual([
      ['900001', 'RESPONSIBLE'],
      ['920005', 'RESPONSIBLE'],
      ['900006', 'BOTH'],
    ]);
  });

  it('registers non-procedural activities in the member’s units; refuses what is not', async () => {
    const today = localDate(t.clock.now(), 'America/Sao_Paulo');
    const created = await as(member)
      .post('/raf/activities', {
        occurredOn: today,
        kindCode: 'REUNIAO',
        description: 'Reunião com o Conselho Tutelar & a rede <de proteção>',
        unitId: unitB.id,
        quantity: 2,
      })
      .expect(201);
    expect(created.body).toMatchObject({ kindCode: 'REUNIAO', unitCode: unitB.code, quantity: 2 });
    const other = await createUnit(t);
    const refused = await as(member)
      .post('/raf/activities', { occurredOn: '2999-01-01', kindCode: 'NOPE', description: ' ', unitId: other.id })
      .expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'description',
      'kindCode',
      'occurredOn',
      'unitId',
    ]);
    await as(clerk)
      .post('/raf/activities', { occurredOn: today, kindCode: 'REUNIAO', description: 'x', unitId: unitA.id })
      .expect(403);
    const pasted = await as(member)
      .post('/raf/activities', {
        occurredOn: today,
        kindCode: 'REUNIAO',
        description: 'Ata\u0002colada',
        unitId: unitA.id,
      })
      .expect(400);
    expect(pasted.body.errors.map((e: { field: string }) => e.field)).toEqual(['description']);
    await as(member)
      .post('/raf/activities', {
        occurredOn: today,
        kindCode: 'REUNIAO',
        description: 'x',
        unitId: unitA.id,
        quantity: '2',
      })
      .expect(400);
    expect((await as(member).get(`/raf/activities?month=${month}`).expect(200)).body.items).toHaveLength(1);
    // Another's activity is not found; one's own goes.
    const mine = await as(member)
      .post('/raf/activities', { occurredOn: today, kindCode: 'OUTRA', description: 'Apagar', unitId: unitA.id })
      .expect(201);
    await as(colleague).delete(`/raf/activities/${mine.body.id}`).expect(404);
    await as(member).delete(`/raf/activities/${mine.body.id}`).expect(204);
  });

  it('exports a file valid against docs/raf.xsd, hashed, naming every event, without parties', async () => {
    const preview = (await as(member).get(`/raf/preview?month=${month}&limit=200`).expect(200)).body;
    const res = await as(member).post('/raf/exports', { month }).expect(201);
    exportId = res.body.id;
    expect(res.body).toMatchObject({
      month,
      reexport: false,
      earlierExportIds: [],
      eventCount: preview.eventCount,
      activityCount: 1,
    });

    const file = await download(exportId);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/xml/);
    const xml = file.body as Buffer;
    expect(createHash('sha256').update(xml).digest('hex')).toBe(res.body.hash);
    expect(file.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(xml).digest('base64')}:`);
    validate(xml);

    const text = xml.toString('utf8');
    expect(text).toContain(`competencia="${month}"`);
    expect(text).not.toContain('Joana');
    expect(text).not.toContain('Apuração de fatos');
    expect(text).toContain('Reunião com o Conselho Tutelar &amp; a rede &lt;de proteção&gt;');
    expect(text).toContain('registrationNumber="1234-5"');
    expect(text).toContain('name="Membro\uFFFDTeste"');
    // The integrity element: SHA-256 of every byte before it.
    const cut = xml.indexOf('<integrity');
    const integrity = /<integrity[^>]*>([0-9a-f]{64})<\/integrity>/.exec(text)![1];
    expect(createHash('sha256').update(xml.subarray(0, cut)).digest('hex')).toBe(integrity);
    // The file lists what the preview pages, in its order and on the same grounds.
    const inFile = [...text.matchAll(/<event eventId="([^"]+)"[^>]* basis="([A-Z]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(inFile).toEqual((preview.events as { eventId: string; basis: string }[]).map((e) => [e.eventId, e.basis]));
    expect(text.match(/<event /g)).toHaveLength(preview.eventCount);
    // A tampered file no longer validates: the validator is really checking.
    expect(() => validate(Buffer.from(text.replace('basis="PERFORMED"', 'basis="OTHER"')))).toThrow();
  });

  it('the export’s cursor, read a few rows at a time, gives the month as pages do, and closes when left early', async () => {
    const bounds = { id: member.id, ...rafMonthBounds(month, 'America/Sao_Paulo') };
    const store = new RafEventsStore(db.manager);
    const paged: string[] = [];
    for (let after: RafPosition | undefined, page; (page = await store.page(bounds, 2, after)).length;) {
      paged.push(...page.map((e) => e.eventId));
      after = page[page.length - 1].position;
    }
    expect(paged.length).toBeGreaterThan(4);
    await db.transaction(async (tx) => {
      const batches: string[][] = [];
      for await (const rows of new RafEventsStore(tx).inOrder(bounds, 2)) batches.push(rows.map((e) => e.eventId));
      expect(batches.flat()).toEqual(paged);
      expect(batches.slice(0, -1).every((b) => b.length === 2)).toBe(true);
      // Leaving after the first batch closes the cursor: the same transaction may open it again.
      for await (const rows of new RafEventsStore(tx).inOrder(bounds, 2)) {
        expect(rows.map((e) => e.eventId)).toEqual(paged.slice(0, 2));
        break;
      }
      expect(await tx.query(`SELECT name FROM pg_cursors`)).toEqual([]);
    });
  });

  it('exports again, flagged: importing both would duplicate records', async () => {
    const again = await as(member).post('/raf/exports', { month }).expect(201);
    expect(again.body).toMatchObject({ reexport: true, earlierExportIds: [exportId] });
    validate((await download(again.body.id)).body as Buffer);
    const list = (await as(member).get('/raf/exports').expect(200)).body.items as { id: string; reexport: boolean }[];
    expect(list.map((e) => [e.id, e.reexport])).toEqual([
      [again.body.id, true],
      [exportId, false],
    ]);
    expect((await as(member).get(`/raf/preview?month=${month}`).expect(200)).body.earlierExportIds).toEqual([
      exportId,
      again.body.id,
    ]);
  });

  it('is the member’s alone, and refuses bad months writing nothing', async () => {
    const before = Number((await db.query(`SELECT count(*) AS n FROM raf_exports`))[0].n);
    expect((await download(exportId, colleague)).status).toBe(403);
    await as(colleague).get(`/raf/exports/${exportId}`).expect(403);
    await as(clerk).get(`/raf/preview?month=${month}`).expect(403);
    await as(clerk).post('/raf/exports', { month }).expect(403);
    await as(chief).get(`/raf/exports/00000000-0000-4000-8000-000000000000`).expect(404);
    await as(member).post('/raf/exports', { month: '2026-13' }).expect(400);
    await as(member).post('/raf/exports', { month: '2999-01' }).expect(400);
    await as(member).post('/raf/exports', { month, memberId: colleague.id }).expect(400);
    await as(member).get('/raf/preview').expect(400);
    expect(Number((await db.query(`SELECT count(*) AS n FROM raf_exports`))[0].n)).toBe(before);
  });

  it('without a matrícula: the preview and the export warn, the file names the member by CPF', async () => {
    const newcomer = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id });
    const preview = await as(newcomer).get(`/raf/preview?month=${month}`).expect(200);
    expect(preview.body.warnings).toEqual([expect.stringContaining('matrícula')]);
    const exported = await as(newcomer).post('/raf/exports', { month }).expect(201);
    expect(exported.body.warnings).toEqual(preview.body.warnings);
    const xml = (await download(exported.body.id, newcomer)).body as Buffer;
    validate(xml);
    expect(xml.toString()).toContain(`cpf="${newcomer.cpf}"`);
    expect(xml.toString()).not.toContain('registrationNumber=');
  });

  it('lists exports a page at a time; crafted cursors are refused', async () => {
    const first = await as(member).get('/raf/exports?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    const rest = await as(member).get(`/raf/exports?limit=10&cursor=${first.body.nextCursor}`).expect(200);
    expect(rest.body.items.map((e: { id: string }) => e.id)).not.toContain(first.body.items[0].id);
    // ["2026","00000000-…"]: a year alone is not an instant PostgreSQL would take.
    const crafted = Buffer.from(JSON.stringify(['2026', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    await as(member).get(`/raf/exports?cursor=${crafted}`).expect(400);
    await as(member).get(`/raf/preview?month=${month}&cursor=${crafted}`).expect(400);
  });

  it('an empty month is a valid file too', async () => {
    const empty = await as(colleague).post('/raf/exports', { month: '2020-01' }).expect(201);
    expect(empty.body).toMatchObject({ eventCount: 0, activityCount: 0 });
    validate((await download(empty.body.id, colleague)).body as Buffer);
  });
});
