import { createHash } from 'node:crypto';
import { MOVEMENTS } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('documents: drafts, PDF, signing, trash, standalone documents, move', () => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;
  let member: Signed;
  let clerk: Signed;
  let manager: Signed;
  let assistant: Signed;
  let outsider: Signed;
  let protocol: Signed;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    upload: (path: string) => t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
  });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const documents = async () => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM documents`))[0].n;
  const newProcess = async (over: object = {}) =>
    (
      await as(member)
        .post('/processes', {
          unitId: unitA,
          classCode: 'PP',
          subjectCode: '10110',
          summary: 'Poluição do rio',
          ...over,
        })
        .expect(201)
    ).body as { id: string; number: string };
  const draft = (user: Signed, processId: string, over: object = {}) =>
    as(user).post(`/processes/${processId}/documents`, {
      typeCode: 'DESPACHO',
      title: 'Despacho inicial',
      content: '<p>Vistos. Oficie-se.</p>',
      ...over,
    });
  const processVersion = async (id: string) => (await as(member).get(`/processes/${id}`).expect(200)).body.version;

  beforeAll(async () => {
    t = await createTestApp();
    const flow = new AuthFlow(t);
    unitA = (await createUnit(t)).id;
    unitB = (await createUnit(t)).id;
    const protocolUnit = (await createUnit(t, { kind: 'PROTOCOL' })).id;
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA });
    clerk = await flow.signedInUser({ profile: 'INTERN', unitId: unitA, secretaria: true });
    manager = await flow.signedInUser({ profile: 'MANAGER', unitId: unitA, secretaria: true });
    const otherMember = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA });
    assistant = await flow.signedInUser({ profile: 'ASSISTANT', unitId: unitA, linkedMemberId: otherMember.id });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: unitB });
    protocol = await flow.signedInUser({ profile: 'PROTOCOL', unitId: protocolUnit });
  });

  afterAll(() => t.close());

  it('drafts rich text with nothing that runs, edits it, signs it: frozen with its SHA-256 and a Juntada event', async () => {
    const p = await newProcess();
    const created = await draft(clerk, p.id, {
      content: '<p onclick="x()">Vistos.<script>steal()</script><img src=x onerror=y></p>',
    }).expect(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', format: 'HTML', html: '<p>Vistos.</p>', secrecyLevel: 0 });
    const edited = await as(clerk)
      .patch(`/documents/${created.body.id}`, { version: 1, content: '<p>Vistos. Oficie-se a Prefeitura.</p>' })
      .expect(200);
    expect(edited.body.version).toBe(2);

    await as(clerk).post(`/documents/${created.body.id}/sign`, { version: 2 }).expect(403);
    await as(manager).post(`/documents/${created.body.id}/sign`, { version: 2 }).expect(403);
    await as(outsider).post(`/documents/${created.body.id}/sign`, { version: 2 }).expect(403);
    const signed = await as(member).post(`/documents/${created.body.id}/sign`, { version: 2 }).expect(200);
    expect(signed.body).toMatchObject({
      status: 'SIGNED',
      signedBy: member.id,
      sha256: sha256('<p>Vistos. Oficie-se a Prefeitura.</p>'),
    });
    const view = await as(member).get(`/processes/${p.id}`).expect(200);
    expect(view.body.events.at(-1)).toMatchObject({
      code: MOVEMENTS.DOCUMENT_ADDED.code,
      documentIds: [created.body.id],
    });

    await as(member).patch(`/documents/${created.body.id}`, { version: 3, content: '<p>mudei</p>' }).expect(409);
    await as(member).post(`/documents/${created.body.id}/sign`, { version: 3 }).expect(409);
    await expect(
      t.app.get(DataSource).query(`UPDATE documents SET html = '<p>adulterado</p>' WHERE id = $1`, [created.body.id]),
    ).rejects.toThrow(/frozen/);
  });

  it('refuses drafts from MANAGER and from an assistant of another member, writing nothing', async () => {
    const p = await newProcess();
    const before = await documents();
    await draft(manager, p.id).expect(403);
    await draft(assistant, p.id).expect(403);
    const bad = await draft(member, p.id, { typeCode: 'NOPE', content: '<script>x</script>' }).expect(400);
    expect(fields(bad.body)).toContain('typeCode');
    const empty = await draft(member, p.id, { content: '<script>only()</script>' }).expect(400);
    expect(fields(empty.body)).toEqual(['content']);
    expect(await documents()).toBe(before);
  });

  it('takes a PDF, checked by content type and magic bytes, and gives it back byte for byte', async () => {
    const p = await newProcess();
    const res = await as(member)
      .upload(`/processes/${p.id}/documents/upload`)
      .field('typeCode', 'OFICIO')
      .field('title', 'Ofício recebido')
      .attach('file', PDF, { filename: 'oficio.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body).toMatchObject({ format: 'PDF', html: null, status: 'DRAFT' });

    const download = await as(member).get(`/documents/${res.body.id}/content`).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Ofício recebido.pdf"|^attachment/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(download.body as Buffer).equals(PDF)).toBe(true);

    const signed = await as(member).post(`/documents/${res.body.id}/sign`, { version: 1 }).expect(200);
    expect(signed.body.sha256).toBe(sha256(PDF));

    const before = await documents();
    const fake = await as(member)
      .upload(`/processes/${p.id}/documents/upload`)
      .field('typeCode', 'OFICIO')
      .field('title', 'Falso')
      .attach('file', Buffer.from('<html><script>x</script></html>'), {
        filename: 'x.pdf',
        contentType: 'application/pdf',
      })
      .expect(400);
    expect(fields(fake.body)).toEqual(['file']);
    await as(member)
      .upload(`/processes/${p.id}/documents/upload`)
      .field('typeCode', 'OFICIO')
      .field('title', 'Imagem')
      .attach('file', PDF, { filename: 'x.png', contentType: 'image/png' })
      .expect(400);
    await as(member)
      .upload(`/processes/${p.id}/documents/upload`)
      .field('typeCode', 'OFICIO')
      .field('title', 'Grande demais')
      .attach('file', Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]), {
        filename: 'grande.pdf',
        contentType: 'application/pdf',
      })
      .expect(413);
    expect(await documents()).toBe(before);
  });

  it('moves documents to the trash and back; signed ones leave an event each way', async () => {
    const p = await newProcess();
    const doc = (await draft(member, p.id).expect(201)).body;
    await as(member).post(`/documents/${doc.id}/sign`, { version: 1 }).expect(200);
    await as(clerk).delete(`/documents/${doc.id}`).expect(403);
    await as(member).delete(`/documents/${doc.id}`).expect(204);
    expect((await as(member).get(`/processes/${p.id}/documents`)).body.items).toEqual([]);
    expect((await as(member).get(`/processes/${p.id}/documents?trashed=true`)).body.items).toEqual([
      expect.objectContaining({ id: doc.id, trashedAt: expect.any(String) }),
    ]);
    await as(member).post(`/documents/${doc.id}/restore`).expect(200);
    const codes = (await as(member).get(`/processes/${p.id}`)).body.events.map((e: { code: string }) => e.code);
    expect(codes.slice(-2)).toEqual([MOVEMENTS.DOCUMENT_TRASHED.code, MOVEMENTS.DOCUMENT_RESTORED.code]);
  });

  it("applies the document's own level: a level-2 document is invisible to those below it", async () => {
    const p = await newProcess();
    const secret = (await draft(member, p.id, { secrecyLevel: 2 }).expect(201)).body;
    const open = (await draft(member, p.id).expect(201)).body;
    const seen = (await as(clerk).get(`/processes/${p.id}/documents`).expect(200)).body.items.map(
      (d: { id: string }) => d.id,
    );
    expect(seen).toEqual([open.id]);
    await as(clerk).get(`/documents/${secret.id}`).expect(404);
    await as(clerk).get(`/documents/${secret.id}/content`).expect(404);
    await as(clerk).delete(`/documents/${secret.id}`).expect(404);

    const restricted = await newProcess({ secrecyLevel: 1 });
    const low = await draft(member, restricted.id, { secrecyLevel: 0 }).expect(400);
    expect(fields(low.body)).toEqual(['secrecyLevel']);
    await draft(clerk, p.id, { secrecyLevel: 3 }).expect(400);
  });

  it('lets Protocolo register a standalone document that the unit inserts for good or links as a draft', async () => {
    const addressed = (over: object = {}) =>
      as(protocol).post('/documents', {
        unitId: unitA,
        typeCode: 'PETICAO',
        title: 'Petição de morador',
        content: '<p>Peço providências.</p>',
        ...over,
      });
    const petition = (await addressed().expect(201)).body;
    expect(petition).toMatchObject({ standalone: true, processId: null, status: 'DRAFT' });
    await as(member)
      .post('/documents', { unitId: unitA, typeCode: 'PETICAO', title: 'x', content: '<p>x</p>' })
      .expect(403);
    await as(outsider).get(`/documents/${petition.id}`).expect(404);
    await as(member).get(`/documents/${petition.id}`).expect(200);

    const p = await newProcess();
    const inserted = await as(clerk)
      .post(`/processes/${p.id}/insert-documents`, { version: await processVersion(p.id), documentIds: [petition.id] })
      .expect(200);
    expect((await as(member).get(`/documents/${petition.id}`)).body).toMatchObject({
      processId: p.id,
      status: 'SIGNED',
      signedBy: clerk.id,
    });
    expect((await as(member).get(`/processes/${p.id}`)).body.events.at(-1)).toMatchObject({
      sequence: inserted.body.eventSequence,
      code: MOVEMENTS.DOCUMENT_ADDED.code,
      documentIds: [petition.id],
    });

    const minuta = (await addressed({ title: 'Minuta de ofício' }).expect(201)).body;
    await as(clerk)
      .post(`/processes/${p.id}/link-draft`, { version: await processVersion(p.id), documentId: minuta.id })
      .expect(200);
    expect((await as(member).get(`/documents/${minuta.id}`)).body).toMatchObject({ processId: p.id, status: 'DRAFT' });

    const elsewhere = (await addressed({ unitId: unitB }).expect(201)).body;
    await as(clerk)
      .post(`/processes/${p.id}/insert-documents`, { version: await processVersion(p.id), documentIds: [elsewhere.id] })
      .expect(404);
    await as(clerk)
      .post(`/processes/${p.id}/insert-documents`, { version: await processVersion(p.id), documentIds: [petition.id] })
      .expect(400);
  });

  it('lists the standalone documents waiting in a unit to whom they concern, newest first, secrecy in the query', async () => {
    // People of their own, so that no other test's documents are on these pages.
    const flow = new AuthFlow(t);
    const [home, away, desk] = [await createUnit(t), await createUnit(t), await createUnit(t, { kind: 'PROTOCOL' })];
    const homeMember = await flow.signedInUser({ profile: 'MEMBER', unitId: home.id });
    const homeIntern = await flow.signedInUser({ profile: 'INTERN', unitId: home.id, secretaria: true });
    const awayMember = await flow.signedInUser({ profile: 'MEMBER', unitId: away.id });
    const receptionist = await flow.signedInUser({ profile: 'PROTOCOL', unitId: desk.id });
    const pending = (user: Signed, query = '') => as(user).get(`/documents/standalone${query}`).expect(200);
    const ids = (body: { items: { id: string }[] }) => body.items.map((d) => d.id);
    const register = async (unitId: string, title: string) => {
      t.clock.advance(1_000);
      const res = await as(receptionist)
        .post('/documents', { unitId, typeCode: 'PETICAO', title, content: '<p>Resposta ao ofício.</p>' })
        .expect(201);
      return res.body as { id: string };
    };
    const first = await register(home.id, 'Resposta da Prefeitura');
    const second = await register(home.id, 'Resposta da Secretaria de Saúde');
    const elsewhere = await register(away.id, 'Resposta do DETRAN');

    const mine = (await pending(receptionist)).body;
    expect(ids(mine)).toEqual([elsewhere.id, second.id, first.id]);
    expect(mine.items[1]).toEqual({
      id: second.id,
      unitId: home.id,
      typeCode: 'PETICAO',
      typeName: expect.any(String),
      decisory: false,
      title: 'Resposta da Secretaria de Saúde',
      format: 'HTML',
      secrecyLevel: 0,
      createdBy: receptionist.id,
      createdByName: expect.any(String),
      createdAt: expect.any(String),
      version: 1,
    });
    expect(ids((await pending(homeMember)).body)).toEqual([second.id, first.id]);
    expect(ids((await pending(awayMember)).body)).toEqual([elsewhere.id]);
    expect(ids((await pending(receptionist, `?unitId=${away.id}`)).body)).toEqual([elsewhere.id]);
    expect(ids((await pending(homeMember, `?unitId=${away.id}`)).body)).toEqual([]);
    const outside = ids((await pending(outsider)).body);
    expect([first.id, second.id, elsewhere.id].filter((id) => outside.includes(id))).toEqual([]);

    const page1 = (await pending(receptionist, '?limit=2')).body;
    expect(ids(page1)).toEqual([elsewhere.id, second.id]);
    const page2 = (await pending(receptionist, `?limit=2&cursor=${page1.nextCursor}`)).body;
    expect(page2).toMatchObject({ nextCursor: null });
    expect(ids(page2)).toEqual([first.id]);

    // Two registered in the same instant are told apart by id: paging one at a time neither
    // repeats nor skips either.
    const [twinA, twinB] = [
      await register(away.id, 'Resposta do IML'),
      await register(away.id, 'Resposta do IML, anexo'),
    ];
    await t.app
      .get(DataSource)
      .query(`UPDATE documents SET created_at = $3 WHERE id IN ($1, $2)`, [twinA.id, twinB.id, t.clock.now()]);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await pending(awayMember, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      seen.push(...ids(page));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...[twinA.id, twinB.id].sort().reverse(), elsewhere.id]);

    // Protocolo registers at level 0 (its cap), but the level table applies here as to any
    // document: one raised above an intern's reach leaves the intern's page.
    await t.app.get(DataSource).query(`UPDATE documents SET secrecy_level = 2 WHERE id = $1`, [first.id]);
    expect(ids((await pending(homeIntern)).body)).toEqual([second.id]);
    expect(ids((await pending(homeMember)).body)).toEqual([second.id, first.id]);

    // Once in a process, it waits no more.
    const p = (
      await as(homeMember)
        .post('/processes', { unitId: home.id, classCode: 'PP', subjectCode: '10110', summary: 'Saúde pública' })
        .expect(201)
    ).body as { id: string; version: number };
    await as(homeIntern)
      .post(`/processes/${p.id}/insert-documents`, { version: p.version, documentIds: [second.id] })
      .expect(200);
    expect(ids((await pending(homeMember)).body)).toEqual([first.id]);

    for (const bad of ['?unitId=x', '?cursor=bm9wZQ', '?limit=0', '?limit=201']) {
      const refused = await as(homeMember).get(`/documents/standalone${bad}`).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('lets Protocolo register a standalone document as the PDF received', async () => {
    const before = await documents();
    const upload = (user: Signed, file: Buffer, over: Record<string, string> = {}) => {
      const fields = { unitId: unitA, typeCode: 'PETICAO', title: 'Ofício digitalizado', ...over };
      return Object.entries(fields)
        .reduce((req, [name, value]) => req.field(name, value), as(user).upload('/documents/upload'))
        .attach('file', file, { filename: 'oficio.pdf', contentType: 'application/pdf' });
    };
    await upload(member, PDF).expect(403);
    await upload(member, Buffer.from('not a pdf')).expect(403);
    expect(fields((await upload(protocol, Buffer.from('not a pdf')).expect(400)).body)).toEqual(['file']);
    expect(fields((await upload(protocol, PDF, { unitId: 'nope' }).expect(400)).body)).toEqual(['unitId']);
    expect(fields((await upload(protocol, PDF, { secrecyLevel: '1' }).expect(400)).body)).toEqual(['secrecyLevel']);
    const fileless = await as(protocol)
      .upload('/documents/upload')
      .field('unitId', unitA)
      .field('typeCode', 'PETICAO')
      .field('title', 'Sem arquivo')
      .expect(400);
    expect(fields(fileless.body)).toEqual(['file']);
    expect(await documents()).toBe(before);

    const scanned = (await upload(protocol, PDF).expect(201)).body;
    expect(scanned).toMatchObject({ standalone: true, processId: null, format: 'PDF', html: null, unitId: unitA });
    const content = await as(member).get(`/documents/${scanned.id}/content`).buffer(true).expect(200);
    expect(Buffer.from(content.body as Buffer).equals(PDF)).toBe(true);
    const p = await newProcess();
    await as(clerk)
      .post(`/processes/${p.id}/insert-documents`, { version: await processVersion(p.id), documentIds: [scanned.id] })
      .expect(200);
    expect((await as(member).get(`/documents/${scanned.id}`)).body).toMatchObject({
      processId: p.id,
      status: 'SIGNED',
      sha256: sha256(PDF),
    });
  });

  it('moves a process (Movimentar) with an event of the taxonomy naming its signed documents', async () => {
    const p = await newProcess();
    const doc = (await draft(member, p.id).expect(201)).body;
    const unsigned = (await draft(member, p.id).expect(201)).body;
    await as(member).post(`/documents/${doc.id}/sign`, { version: 1 }).expect(200);
    const version = await processVersion(p.id);
    const bad = await as(clerk)
      .post(`/processes/${p.id}/move`, { version, movementCode: MOVEMENTS.MOVED.code, documentIds: [unsigned.id] })
      .expect(400);
    expect(fields(bad.body)).toEqual(['documentIds.0']);
    await as(clerk).post(`/processes/${p.id}/move`, { version, movementCode: 'NOPE' }).expect(400);
    await as(clerk)
      .post(`/processes/${p.id}/move`, {
        version,
        movementCode: MOVEMENTS.MOVED.code,
        documentIds: [doc.id],
        description: 'Remetida cópia à Prefeitura',
      })
      .expect(200);
    expect((await as(member).get(`/processes/${p.id}`)).body.events.at(-1)).toMatchObject({
      code: MOVEMENTS.MOVED.code,
      documentIds: [doc.id],
      details: { description: 'Remetida cópia à Prefeitura' },
    });
  });

  it("refuses system movements in Movimentar, naming movementCode and writing nothing; an added type is a person's", async () => {
    const p = await newProcess();
    const before = (await as(member).get(`/processes/${p.id}`).expect(200)).body;
    const system = [
      MOVEMENTS.DISTRIBUTED,
      MOVEMENTS.IMPEDIMENT_DECLARED,
      MOVEMENTS.DISTRIBUTION_CANCELLED,
      MOVEMENTS.SECRECY_DECREED,
      MOVEMENTS.ARCHIVED_PROMOTION,
      MOVEMENTS.ARCHIVED,
      MOVEMENTS.CLASS_CONVERTED,
      MOVEMENTS.PRIORITY_SET,
      MOVEMENTS.DEADLINE_EXPIRED,
    ];
    for (const { code } of system) {
      const refused = await as(clerk)
        .post(`/processes/${p.id}/move`, { version: before.version, movementCode: code })
        .expect(400);
      expect({ code, fields: fields(refused.body) }).toEqual({ code, fields: ['movementCode'] });
      expect(refused.body.errors[0].message).toMatch(/movimento do sistema/);
    }
    const after = (await as(member).get(`/processes/${p.id}`).expect(200)).body;
    expect({ version: after.version, events: after.events.length }).toEqual({
      version: before.version,
      events: before.events.length,
    });

    // A type the administration adds to the taxonomy is recorded by people.
    await t.app
      .get(DataSource)
      .query(`INSERT INTO movement_types (code, name, version) VALUES ('990777', 'Reunião com a comunidade', 1)`);
    await as(clerk).post(`/processes/${p.id}/move`, { version: before.version, movementCode: '990777' }).expect(200);
    expect((await as(member).get(`/processes/${p.id}`)).body.events.at(-1)).toMatchObject({ code: '990777' });
  });

  it('converts NF → PP with the instauration portaria as a draft, and to judicial with the CNJ number', async () => {
    const p = await newProcess({ classCode: 'NF' });
    const without = await as(clerk)
      .post(`/processes/${p.id}/convert`, { version: await processVersion(p.id), classCode: 'PP' })
      .expect(400);
    expect(fields(without.body)).toEqual(['portaria']);
    const converted = await as(clerk)
      .post(`/processes/${p.id}/convert`, {
        version: await processVersion(p.id),
        classCode: 'PP',
        portaria: { title: 'Portaria de instauração', content: '<p>Instaura-se o PP.</p>' },
      })
      .expect(200);
    const view = (await as(member).get(`/processes/${p.id}`).expect(200)).body;
    expect(view.classCode).toBe('PP');
    expect(view.documents).toEqual([expect.objectContaining({ typeCode: 'PORTARIA', status: 'DRAFT' })]);
    expect(view.events.at(-1)).toMatchObject({
      sequence: converted.body.eventSequence,
      code: MOVEMENTS.CLASS_CONVERTED.code,
      details: { fromClassCode: 'NF', toClassCode: 'PP' },
      documentIds: [view.documents[0].id],
    });

    const judicial = await as(clerk)
      .post(`/processes/${p.id}/convert`, { version: await processVersion(p.id), classCode: '65' })
      .expect(400);
    expect(fields(judicial.body)).toEqual(['originNumber']);
    await as(clerk)
      .post(`/processes/${p.id}/convert`, {
        version: await processVersion(p.id),
        classCode: '65',
        originNumber: '00012347520268020001',
      })
      .expect(200);
    expect((await as(member).get(`/processes/${p.id}`)).body.originNumber).toBe('0001234-75.2026.8.02.0001');
  });

  it('lists drafts (Minutas pendentes) and the trash (Lixeira) one row per document, by its level', async () => {
    const p = await newProcess();
    const open = (await draft(member, p.id, { title: 'Minuta aberta' }).expect(201)).body;
    const secret = (await draft(member, p.id, { title: 'Minuta sigilosa', secrecyLevel: 2 }).expect(201)).body;
    const gone = (await draft(member, p.id, { title: 'Minuta descartada' }).expect(201)).body;
    await as(member).delete(`/documents/${gone.id}`).expect(204);

    const rows = async (user: Signed, box: string) =>
      (await as(user).get(`/boxes/${box}?limit=200`).expect(200)).body.items
        .filter((i: { id: string }) => i.id === p.id)
        .map((i: { document: { id: string } }) => i.document.id);
    expect(await rows(member, 'drafts')).toEqual(expect.arrayContaining([open.id, secret.id]));
    expect(await rows(member, 'drafts')).not.toContain(gone.id);
    expect(await rows(clerk, 'drafts')).toEqual([open.id]);
    expect(await rows(member, 'trash')).toEqual([gone.id]);
    expect(await rows(outsider, 'drafts')).toEqual([]);
    const counts = (await as(clerk).get('/boxes').expect(200)).body;
    expect(counts).toContainEqual({ box: 'drafts', count: expect.any(Number) });
  });

  it("changes a document's own level within the table, never below the process, with an event", async () => {
    const p = await newProcess();
    const doc = (await draft(member, p.id).expect(201)).body;
    const before = await documents();
    await as(manager).post(`/documents/${doc.id}/secrecy`, { version: 1, level: 5 }).expect(400);
    await as(member).post(`/documents/${doc.id}/secrecy`, { version: 1, level: 5 }).expect(400);
    const clerkTooHigh = await as(clerk).post(`/documents/${doc.id}/secrecy`, { version: 1, level: 2 }).expect(400);
    expect(fields(clerkTooHigh.body)).toEqual(['level']);
    const raised = await as(member)
      .post(`/documents/${doc.id}/secrecy`, { version: 1, level: 3, justification: 'Dados fiscais' })
      .expect(200);
    expect(raised.body).toMatchObject({ secrecyLevel: 3, version: 2 });
    await as(clerk).get(`/documents/${doc.id}`).expect(404);
    await as(clerk).post(`/documents/${doc.id}/secrecy`, { version: 2, level: 0 }).expect(404);
    expect((await as(member).get(`/processes/${p.id}`)).body.events.at(-1)).toMatchObject({
      code: MOVEMENTS.SECRECY_DECREED.code,
      documentIds: [doc.id],
      details: { fromLevel: 0, toLevel: 3, justification: 'Dados fiscais' },
    });
    const restricted = await newProcess({ secrecyLevel: 1 });
    const inRestricted = (await draft(member, restricted.id).expect(201)).body;
    await as(member).post(`/documents/${inRestricted.id}/secrecy`, { version: 1, level: 0 }).expect(400);
    expect(await documents()).toBe(before + 1);
  });

  it('takes no documents in an archived process', async () => {
    const p = await newProcess();
    await as(clerk)
      .post(`/processes/${p.id}/archive`, { version: await processVersion(p.id) })
      .expect(200);
    await draft(member, p.id).expect(409);
  });

  it('builds the process view in a fixed number of queries, however many documents and events (no N+1)', async () => {
    // Counted where every statement goes, plain or prepared: node-postgres's client.
    const { Client } = (t.app.get(DataSource).driver as unknown as { master: { Client: { prototype: object } } })
      .master;
    const queriesFor = async (id: string) => {
      const spy = jest.spyOn(Client.prototype as { query: () => unknown }, 'query');
      try {
        await as(member).get(`/processes/${id}`).expect(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const small = await newProcess();
    const large = await newProcess();
    for (let i = 0; i < 8; i++) {
      const doc = (await draft(member, large.id, { title: `Despacho ${i}` }).expect(201)).body;
      await as(member).post(`/documents/${doc.id}/sign`, { version: 1 }).expect(200);
    }
    const view = (await as(member).get(`/processes/${large.id}`)).body;
    expect(view.documents).toHaveLength(8);
    expect(view.events).toHaveLength(9);
    const baseline = await queriesFor(small.id);
    expect(baseline).toBeGreaterThanOrEqual(3); // the session check, the page in one statement, the access log
    expect(await queriesFor(large.id)).toBe(baseline);
  });
});
