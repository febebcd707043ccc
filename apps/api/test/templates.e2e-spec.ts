import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const EVERY_TAG = readFileSync(
  join(__dirname, '../../../libs/domain/src/templates/golden/every-tag.template.html'),
  'utf8',
);

describe('templates: homologated tags, versions, preview, drafts from a template', () => {
  let t: TestApp;
  let db: DataSource;
  let flow: AuthFlow;
  let unitA: { id: string; code: string; name: string };
  let unitB: { id: string };
  let admin: Signed;
  let member: Signed;
  let clerk: Signed;
  let manager: Signed;
  let outsider: Signed;
  let process: { id: string; number: string };

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http().put(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const messages = (body: { errors?: { message: string }[] }) => (body.errors ?? []).map((e) => e.message);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    flow = new AuthFlow(t);
    unitA = await createUnit(t, { name: '58ª Promotoria de Justiça da Capital', city: 'Arapiraca', uf: 'AL' });
    unitB = await createUnit(t);
    admin = await flow.signedInUser({ profile: 'ADMIN', unitId: null });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unitA.id, secretaria: true });
    clerk = await flow.signedInUser({ profile: 'INTERN', unitId: unitA.id, secretaria: true });
    manager = await flow.signedInUser({ profile: 'MANAGER', unitId: unitA.id, secretaria: true });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: unitB.id });
    await db.query(`UPDATE users SET registration_number = '12345-6', full_name = 'Maria Gerente' WHERE id = $1`, [
      member.id,
    ]);
    process = (
      await as(member)
        .post('/processes', {
          unitId: unitA.id,
          classCode: 'IC',
          subjectCode: '10011',
          summary: 'Apuração de irregularidades',
          originNumber: '0001234-75.2026.8.02.0001',
          secrecyLevel: 1,
          responsibleMemberId: member.id,
          parties: [
            { name: 'Maria <Denunciante> da Silva', type: 'Representante' },
            { name: 'Criança Protegida', type: 'Vítima', secret: true },
          ],
        })
        .expect(201)
    ).body;
  }, 120_000);

  afterAll(() => t?.close());

  it('ADMIN writes the institution’s template with every tag; a bad tag is refused, named, nothing written', async () => {
    const before = await count('templates');
    const bad = await as(admin)
      .post('/templates', { name: 'Ruim', body: '<p>${processo.numero} e ${ano</p><p>${interessado.nome}</p>' })
      .expect(400);
    expect(messages(bad.body)).toEqual([
      'tag desconhecida ${processo.numero} na posição 3',
      'tag malformada ${ na posição 24',
    ]);
    const outside = await as(admin).post('/templates', { name: 'Fora', body: '${interessado.nome}' }).expect(400);
    expect(messages(outside.body)[0]).toContain('dentro de um parágrafo');
    await as(clerk).post('/templates', { name: 'Estagiário', body: '<p>x</p>' }).expect(403);
    await as(manager).post('/templates', { name: 'Gerente', body: '<p>x</p>' }).expect(403);
    await as(member).post('/templates', { name: 'Alheio', body: '<p>x</p>', unitId: unitB.id }).expect(403);
    await as(admin).post('/templates', { name: 'Tipo', body: '<p>x</p>', typeCode: 'NOPE' }).expect(400);
    expect(await count('templates')).toBe(before);

    const created = await as(admin).post('/templates', {
      name: 'Portaria com todas as tags',
      body: EVERY_TAG,
      typeCode: 'PORTARIA',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitId: null, version: 1, typeCode: 'PORTARIA', versions: [1] });
    await as(admin).post('/templates', { name: 'portaria COM todas as tags', body: '<p>x</p>' }).expect(409);
  });

  it('renders every tag on a process: the draft is the template’s text with the process’s values', async () => {
    const [{ id: templateId }] = await db.query(`SELECT id FROM templates WHERE name = 'Portaria com todas as tags'`);
    const res = await as(member).post(`/processes/${process.id}/documents/from-template`, { templateId }).expect(201);
    const [year, sequential] = process.number.split('.').slice(1);
    const today = new Intl.DateTimeFormat('pt-BR', {
      timeZone: 'America/Sao_Paulo',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(t.clock.now());
    for (const expected of [
      `Portaria nº 1`,
      `Processo ${process.number} (origem: 0001234-75.2026.8.02.0001) — partes ${unitA.code}.${year}.${sequential}`,
      'Classe: IC - Inquérito Civil.',
      '<li>Representante: Maria &lt;Denunciante&gt; da Silva</li><li>Vítima: Criança Protegida</li>',
      `por ${unitA.name}; hoje em ${unitA.name}.`,
      'por 12345-6 - Maria Gerente.',
      `Maceió/AL, ${today}.`, // written by hand, as in the manual's model
      `Arapiraca/AL, ${today}.`, // ${localData}: the unit's city/UF
    ]) {
      expect(res.body.content).toContain(expected);
    }
    const docs = (await as(member).get(`/processes/${process.id}/documents`).expect(200)).body.items as {
      id: string;
      status: string;
      typeCode: string;
    }[];
    expect(docs.find((d) => d.id === res.body.id)).toMatchObject({ status: 'DRAFT', typeCode: 'PORTARIA' });
    expect(
      await db.query(`SELECT template_version FROM template_documents WHERE document_id = $1`, [res.body.id]),
    ).toEqual([{ template_version: 1 }]);
    // The next draft is document number 2.
    const second = await as(member)
      .post(`/processes/${process.id}/documents/from-template`, { templateId })
      .expect(201);
    expect(second.body.content).toContain('Portaria nº 2');
  });

  it('renders only for who sees the content: a cover seen by number offers no parties; the read is logged', async () => {
    const body = '<p>${interessado}${interessado.tipoInteressado.nome}: ${interessado.nome}</p>';
    await as(outsider).post('/templates/preview', { body, processId: process.id }).expect(404);
    const logged = () =>
      db.query(`SELECT count(*)::int AS n FROM access_log WHERE process_id = $1 AND how = 'TEMPLATE'`, [process.id]);
    const before = (await logged())[0].n;
    const inside = await as(member).post('/templates/preview', { body, processId: process.id }).expect(200);
    expect(inside.body.content).toBe(
      '<p>Representante: Maria &lt;Denunciante&gt; da Silva</p><p>Vítima: Criança Protegida</p>',
    );
    // Level 1: a read of its content, logged (CNJ Res. 121/2010).
    expect((await logged())[0].n).toBe(before + 1);
  });

  it('keeps bodies sanitised: no script is stored or served', async () => {
    const res = await as(member)
      .post('/templates', { name: 'Com script', body: '<p onclick="x()">Oi ${dia}</p><script>alert(1)</script>' })
      .expect(201);
    expect(res.body.body).toBe('<p>Oi ${dia}</p>');
    await as(member).post('/templates', { name: 'Tag em script', body: '<p>a</p><script>${dia}</script>' }).expect(400);
    await as(member).post('/templates', { name: '   ', body: '<p>a</p>' }).expect(400);
  });

  it('versions: an edit is a new version; drafts made keep theirs; a stale edit is refused', async () => {
    const mine = await as(member)
      .post('/templates', { name: 'Despacho da unidade', body: '<p>v1 ${dia}</p>' })
      .expect(201);
    expect(mine.body.unitId).toBe(unitA.id);
    const draft = await as(member)
      .post(`/processes/${process.id}/documents/from-template`, { templateId: mine.body.id })
      .expect(201);
    const edited = await as(member).put(`/templates/${mine.body.id}`, { version: 1, body: '<p>v2</p>' }).expect(200);
    expect(edited.body).toMatchObject({ version: 2, versions: [1, 2], body: '<p>v2</p>' });
    await as(member).put(`/templates/${mine.body.id}`, { version: 1, body: '<p>v3</p>' }).expect(409);
    await as(member).put(`/templates/${mine.body.id}`, { version: 2, body: '<p>${x}</p>' }).expect(400);
    await as(outsider).put(`/templates/${mine.body.id}`, { version: 2, body: '<p>v3</p>' }).expect(404);
    expect(
      await db.query(`SELECT template_version FROM template_documents WHERE document_id = $1`, [draft.body.id]),
    ).toEqual([{ template_version: 1 }]);
    const next = await as(member)
      .post(`/processes/${process.id}/documents/from-template`, { templateId: mine.body.id })
      .expect(201);
    expect(next.body.content).toBe('<p>v2</p>');
    // Another unit's template is not the outsider's to see or use.
    await as(outsider).get(`/templates/${mine.body.id}`).expect(404);
    expect(
      (await as(outsider).get('/templates').expect(200)).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(mine.body.id);
  });

  it('drafting from a template follows the drafting rules and writes nothing when refused', async () => {
    const [{ id: templateId }] = await db.query(`SELECT id FROM templates WHERE name = 'Portaria com todas as tags'`);
    const before = await count('documents');
    await as(manager).post(`/processes/${process.id}/documents/from-template`, { templateId }).expect(403);
    await as(outsider).post(`/processes/${process.id}/documents/from-template`, { templateId }).expect(404);
    await as(member)
      .post(`/processes/${process.id}/documents/from-template`, { templateId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    await as(member)
      .post('/templates/preview', { body: '<p>x</p>', processId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect(await count('documents')).toBe(before);
  });
});
