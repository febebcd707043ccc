import { DEFAULT_INSTITUTION_SETTINGS, localDate } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const CPF = '529.982.247-25';

describe('attendance and complaints intake (DOMAIN §10)', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let unit: { id: string; code: string };
  let other: { id: string; code: string };
  let clerk: Signed;
  let desk: Signed;
  let member: Signed;
  let intern: Signed;
  let outsider: Signed;

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  const db = () => t.app.get(DataSource);
  const count = async (sql: string) => Number((await db().query(sql))[0].n);
  const writes = () =>
    count(`SELECT (SELECT count(*) FROM attendances) + (SELECT count(*) FROM attendance_files)
      + (SELECT count(*) FROM processes) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM process_events) AS n`);
  const visit = (over: object = {}) => ({
    unitId: unit.id,
    personName: 'Maria das Dores Silva',
    personCpf: CPF,
    personContact: '(82) 99999-0000',
    subjectCode: '10011',
    account: 'A escola do bairro está sem merenda há três semanas.\n\nOs pais já reclamaram à diretoria.',
    ...over,
  });
  const complaint = (over: object = {}) =>
    visit({
      kind: 'COMPLAINT',
      supplierCnpj: '11.222.333/0001-81',
      supplierName: 'Telefonia Exemplo S.A.',
      complaintCategory: 'COBRANCA_INDEVIDA',
      account: 'Cobrança de serviço não contratado.',
      ...over,
    });
  const register = async (body: object = visit(), user: Signed = clerk) =>
    (await as(user).post('/attendances', body).expect(201)).body as {
      id: string;
      protocol: string;
      version: number;
    };

  beforeAll(async () => {
    t = await createTestApp();
    flow = new AuthFlow(t);
    unit = await createUnit(t);
    other = await createUnit(t);
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    clerk = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unit.id,
      secretaria: true,
      linkedMemberId: member.id,
    });
    desk = await flow.signedInUser({ profile: 'PROTOCOL', unitId: unit.id });
    intern = await flow.signedInUser({ profile: 'INTERN', unitId: unit.id });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: other.id, secretaria: true });
  });

  afterAll(() => t.close());

  describe('registering', () => {
    it('gives the citizen a protocol {unitCode}.{year}.A{sequential}, one after the other', async () => {
      const year = new Date().getFullYear();
      const first = await register();
      const second = await register(visit(), desk);
      expect(first.protocol).toMatch(new RegExp(`^${unit.code}\\.${year}\\.A\\d{6}$`));
      expect(Number(second.protocol.slice(-6))).toBe(Number(first.protocol.slice(-6)) + 1);
      const read = await as(member).get(`/attendances/${first.id}`).expect(200);
      expect(read.body).toMatchObject({
        protocol: first.protocol,
        kind: 'VISIT',
        personCpf: '52998224725',
        subjectName: expect.any(String),
        staffId: clerk.id,
        outcome: null,
        files: [],
      });
    });

    it('lists the unit’s attendances newest first, by protocol, CPF or name, paging by cursor', async () => {
      const mine = await register(visit({ personName: 'José Sebastião Prado', personCpf: '111.444.777-35' }));
      const byCpf = await as(clerk).get('/attendances?q=11144477735').expect(200);
      expect(byCpf.body.items.map((a: { id: string }) => a.id)).toEqual([mine.id]);
      const byName = await as(clerk).get('/attendances?q=sebastião').expect(200);
      expect(byName.body.items.map((a: { id: string }) => a.id)).toEqual([mine.id]);
      const byProtocol = await as(clerk).get(`/attendances?q=${mine.protocol.toLowerCase()}`).expect(200);
      expect(byProtocol.body.items.map((a: { id: string }) => a.id)).toEqual([mine.id]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await as(clerk)
          .get(`/attendances?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        seen.push(...page.body.items.map((a) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen[0]).toBe(mine.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(await count(`SELECT count(*) AS n FROM attendances WHERE unit_id = '${unit.id}'`));
    });

    it('refuses bad input with problem details naming each field, writing nothing', async () => {
      const before = await writes();
      const bad = await as(clerk)
        .post('/attendances', visit({ personCpf: '529.982.247-26', account: '   ', personName: '  ' }))
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['personName', 'personCpf', 'account']);
      const cnpj = await as(clerk)
        .post('/attendances', complaint({ supplierCnpj: '11.222.333/0001-82' }))
        .expect(400);
      expect(cnpj.body.errors).toEqual([{ field: 'supplierCnpj', message: 'CNPJ do fornecedor inválido' }]);
      await as(clerk)
        .post('/attendances', visit({ subjectCode: '999999' }))
        .expect(400);
      await as(clerk)
        .post('/attendances', { ...visit(), extra: 1 })
        .expect(400);
      expect(await writes()).toBe(before);
    });

    it('refuses who may not attend in the unit (403) and hides attendances from who may not read them', async () => {
      const before = await writes();
      await as(outsider).post('/attendances', visit()).expect(403);
      await as(intern).post('/attendances', visit()).expect(403);
      expect(await writes()).toBe(before);
      const a = await register();
      await as(outsider).get(`/attendances/${a.id}`).expect(404);
      await as(intern).get(`/attendances/${a.id}`).expect(404);
      await as(intern).get(`/attendances?unitId=${unit.id}`).expect(403);
      expect((await as(outsider).get('/attendances').expect(200)).body.items).toEqual([]);
    });

    it('keeps the PDFs the citizen handed in, and only PDFs', async () => {
      const a = await register();
      const added = await t
        .http()
        .post(`/api/v1/attendances/${a.id}/files`)
        .auth(clerk.token, { type: 'bearer' })
        .field('title', 'Cardápio afixado na escola')
        .attach('file', PDF, { filename: 'cardapio.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(added.body.files).toEqual([
        expect.objectContaining({ title: 'Cardápio afixado na escola', size: PDF.length }),
      ]);
      expect(added.body.version).toBe(2);
      const before = await writes();
      await t
        .http()
        .post(`/api/v1/attendances/${a.id}/files`)
        .auth(clerk.token, { type: 'bearer' })
        .field('title', 'Falso')
        .attach('file', Buffer.from('<html></html>'), { filename: 'x.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(await writes()).toBe(before);
    });
  });

  describe('conversion into a Notícia de Fato', () => {
    it('makes the person a party, the account its first document, event Atendimento, the NF deadline running', async () => {
      const a = await register();
      await t
        .http()
        .post(`/api/v1/attendances/${a.id}/files`)
        .auth(clerk.token, { type: 'bearer' })
        .field('title', 'Foto da cozinha')
        .attach('file', PDF, { filename: 'foto.pdf', contentType: 'application/pdf' })
        .expect(201);
      const converted = await as(clerk).post(`/attendances/${a.id}/convert`, { version: 2 }).expect(200);
      expect(converted.body).toMatchObject({
        outcome: 'CONVERTED',
        processNumber: expect.stringMatching(/^\d{3}\.\d{4}\.\d{6}$/),
      });
      expect(converted.body.files[0].documentId).toEqual(expect.any(String));

      const view = await as(member).get(`/processes/${converted.body.processId}`).expect(200);
      expect(view.body).toMatchObject({
        classCode: 'NF',
        subjectCode: '10011',
        location: 'SECRETARIA',
        secrecyLevel: 0,
        parties: [{ name: 'Maria das Dores Silva', type: 'Noticiante', document: null, secret: true }],
      });
      // Personal data (CPF, contact, account, what was handed in) at least at level 1.
      expect(view.body.documents).toEqual([
        expect.objectContaining({
          typeCode: 'TERMO',
          title: `Termo de atendimento ${a.protocol}`,
          status: 'SIGNED',
          secrecyLevel: 1,
        }),
        expect.objectContaining({
          typeCode: 'DOCUMENTO_RECEBIDO',
          title: 'Foto da cozinha',
          status: 'SIGNED',
          secrecyLevel: 1,
        }),
      ]);
      expect(
        (await db().query(`SELECT content FROM attendance_files WHERE attendance_id = $1`, [a.id]))[0].content,
      ).toBeNull();
      const elsewhere = await as(outsider).get(`/processes/${converted.body.processId}`).expect(200);
      expect(elsewhere.body.documents).toEqual([]);
      expect(elsewhere.body.parties[0].document).toBeNull();
      const term = await as(member).get(`/documents/${view.body.documents[0].id}/content`).expect(200);
      expect(term.text).toContain('A escola do bairro está sem merenda há três semanas.');
      expect(term.text).toContain('529.982.247-25');
      const attendanceEvent = view.body.events.find((e: { code: string }) => e.code === '900004');
      expect(attendanceEvent).toMatchObject({
        details: { protocol: a.protocol },
        documentIds: view.body.documents.map((d: { id: string }) => d.id),
      });
      expect(view.body.deadlines).toEqual([expect.objectContaining({ kind: 'LEGAL', state: 'PENDING' })]);
      const secretaria = await as(clerk).get('/boxes/secretaria?limit=200').expect(200);
      expect(secretaria.body.items.map((i: { id: string }) => i.id)).toContain(converted.body.processId);
    });

    it('converts once: again, or on a stale version, is a 409 writing nothing', async () => {
      const a = await register();
      const stale = await as(clerk).post(`/attendances/${a.id}/convert`, { version: 9 }).expect(409);
      expect(stale.body.errors).toEqual([{ field: 'version', message: 'versão desatualizada' }]);
      const converted = await as(clerk).post(`/attendances/${a.id}/convert`, { version: 1 }).expect(200);
      const before = await writes();
      const again = await as(clerk)
        .post(`/attendances/${a.id}/convert`, { version: converted.body.version })
        .expect(409);
      expect(again.body.detail).toContain(converted.body.processNumber);
      await as(clerk)
        .post(`/attendances/${a.id}/attach`, { version: 1, processId: converted.body.processId })
        .expect(409);
      expect(await writes()).toBe(before);
    });

    it('is for who registers processes in the unit: the Protocolo records attendances, not processes', async () => {
      const a = await register(visit(), desk);
      const before = await writes();
      await as(desk).post(`/attendances/${a.id}/convert`, { version: 1 }).expect(403);
      await as(outsider).post(`/attendances/${a.id}/convert`, { version: 1 }).expect(404);
      expect(await writes()).toBe(before);
    });

    it('of two simultaneous conversions lets exactly one win', async () => {
      const a = await register();
      const results = await Promise.all([
        as(clerk).post(`/attendances/${a.id}/convert`, { version: 1 }),
        as(member).post(`/attendances/${a.id}/convert`, { version: 1 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(
        await count(
          `SELECT count(*) AS n FROM process_events WHERE code = '900004' AND details->>'protocol' = '${a.protocol}'`,
        ),
      ).toBe(1);
    });
  });

  describe('attaching to an existing process', () => {
    it('joins the term to a process of the unit, with event Atendimento; never to another unit’s', async () => {
      const target = (
        await as(clerk)
          .post('/processes', { unitId: unit.id, classCode: 'NF', subjectCode: '10011', summary: 'Merenda escolar' })
          .expect(201)
      ).body;
      const elsewhere = (
        await as(outsider)
          .post('/processes', { unitId: other.id, classCode: 'NF', subjectCode: '10011', summary: 'Outro órgão' })
          .expect(201)
      ).body;
      const a = await register();
      const before = await writes();
      await as(clerk).post(`/attendances/${a.id}/attach`, { version: 1, processId: elsewhere.id }).expect(403);
      expect(await writes()).toBe(before);
      const attached = await as(clerk)
        .post(`/attendances/${a.id}/attach`, { version: 1, processId: target.id })
        .expect(200);
      expect(attached.body).toMatchObject({ outcome: 'ATTACHED', processId: target.id, processNumber: target.number });
      const view = await as(member).get(`/processes/${target.id}`).expect(200);
      expect(view.body.documents).toEqual([expect.objectContaining({ typeCode: 'TERMO', status: 'SIGNED' })]);
      expect(view.body.events.at(-1)).toMatchObject({ code: '900004', details: { protocol: a.protocol } });
    });
  });

  describe('complaints per supplier', () => {
    it('counts per CNPJ and category in the period, as JSON and as a CSV download', async () => {
      // The period is in the institution's days: between 00:00 and 03:00 UTC its date is still yesterday.
      const start = localDate(t.clock.now(), DEFAULT_INSTITUTION_SETTINGS.timeZone);
      await register(complaint());
      await register(complaint({ complaintCategory: 'CONTRATO', supplierCnpj: '11222333000181' }));
      await register(
        complaint({
          supplierCnpj: '12.ABC.345/01DE-35',
          supplierName: '=HYPERLINK("x") Loja',
          complaintCategory: 'OUTROS',
        }),
      );
      const period = `from=${start}&to=${start}&unitId=${unit.id}`;
      const report = await as(member).get(`/reports/complaints-by-supplier?${period}`).expect(200);
      expect(report.body.items).toEqual([
        expect.objectContaining({
          supplierCnpj: '11222333000181',
          supplierName: 'Telefonia Exemplo S.A.',
          total: 2,
          byCategory: expect.objectContaining({ COBRANCA_INDEVIDA: 1, CONTRATO: 1, OUTROS: 0 }),
        }),
        expect.objectContaining({ supplierCnpj: '12ABC34501DE35', total: 1 }),
      ]);
      const csv = await as(member).get(`/reports/complaints-by-supplier?${period}&format=csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="reclamacoes-/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toMatch(/^CNPJ;Fornecedor;Total;Produto com vício ou defeito;/);
      expect(lines[1]).toMatch(/^11222333000181;Telefonia Exemplo S\.A\.;2;/);
      expect(lines[2]).toContain(`;"'=HYPERLINK(""x"") Loja";1;`);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);

      await as(member).get(`/reports/complaints-by-supplier?from=${start}&to=2000-01-01`).expect(400);
      const impossible = await as(member)
        .get(`/reports/complaints-by-supplier?from=2026-02-30&to=${start}`)
        .expect(400);
      expect(impossible.body.errors).toEqual([{ field: 'from', message: 'dia inexistente' }]);
      await as(member).get(`/reports/complaints-by-supplier?from=${start}&to=${start}&unitId=${other.id}`).expect(403);
    });
  });

  describe('the citizen’s consultation', () => {
    it('answers protocol and CPF with the status, and the process once it is public', async () => {
      const a = await register();
      const open = await t.http().get(`/api/v1/public/attendances/${a.protocol}?cpf=52998224725`).expect(200);
      expect(open.body).toEqual({
        protocol: a.protocol,
        unit: expect.any(String),
        subject: expect.any(String),
        attendedAt: expect.any(String),
        status: 'Registrado: em análise pelo órgão',
      });
      const converted = (await as(clerk).post(`/attendances/${a.id}/convert`, { version: 1 }).expect(200)).body;
      const after = await t.http().get(`/api/v1/public/attendances/${a.protocol.toLowerCase()}?cpf=${CPF}`).expect(200);
      expect(after.body.status).toMatch(/^Encaminhado/);
      expect(after.body.process).toMatchObject({ number: converted.processNumber, class: expect.any(String) });
    });

    it('never names a sealed process it became', async () => {
      const target = (
        await as(member)
          .post('/processes', {
            unitId: unit.id,
            classCode: 'NF',
            subjectCode: '10011',
            summary: 'Sigiloso',
            secrecyLevel: 1,
          })
          .expect(201)
      ).body;
      await as(member).post(`/processes/${target.id}/conclude`, { version: 1, userId: member.id }).expect(403);
      const a = await register();
      await as(clerk).post(`/attendances/${a.id}/attach`, { version: 1, processId: target.id }).expect(200);
      const answer = await t.http().get(`/api/v1/public/attendances/${a.protocol}?cpf=${CPF}`).expect(200);
      expect(answer.body.process).toBeUndefined();
      expect(JSON.stringify(answer.body)).not.toContain(target.number);
      // Nor does the attendance name it to a colleague of the unit who may not see it.
      const assistant = await flow.signedInUser({ profile: 'ASSISTANT', unitId: unit.id, linkedMemberId: member.id });
      const sealed = (
        await as(member)
          .post('/processes', {
            unitId: unit.id,
            classCode: 'NF',
            subjectCode: '10011',
            summary: 'Nível 2',
            secrecyLevel: 2,
          })
          .expect(201)
      ).body;
      const b = await register();
      await as(clerk).post(`/attendances/${b.id}/attach`, { version: 1, processId: sealed.id }).expect(200);
      const seenByAssistant = await as(assistant).get(`/attendances/${b.id}`).expect(200);
      expect(seenByAssistant.body).toMatchObject({ outcome: 'ATTACHED', processId: null, processNumber: null });
      const again = await as(assistant).post(`/attendances/${b.id}/convert`, { version: 2 }).expect(409);
      expect(again.body.detail).not.toContain(sealed.number);
      expect((await as(member).get(`/attendances/${b.id}`).expect(200)).body.processNumber).toBe(sealed.number);
    });

    it('answers a wrong CPF exactly as an unknown protocol', async () => {
      const a = await register();
      const wrong = await t.http().get(`/api/v1/public/attendances/${a.protocol}?cpf=11144477735`).expect(404);
      const unknown = await t.http().get(`/api/v1/public/attendances/${unit.code}.2026.A999999?cpf=${CPF}`).expect(404);
      const garbage = await t.http().get(`/api/v1/public/attendances/x'%20OR%201=1?cpf=${CPF}`).expect(404);
      // Identical apart from the address asked and the request's own id.
      const same = ({ instance: _i, requestId: _r, ...rest }: Record<string, unknown>) => rest;
      expect(same(wrong.body)).toEqual(same(unknown.body));
      expect(same(garbage.body)).toEqual(same(unknown.body));
      expect(wrong.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(wrong.body.title).toBeDefined();
    });
  });
});

describe('the citizen’s consultation: request-rate limit', () => {
  it('answers 429 problem details past the per-address limit, so protocols and CPFs cannot be tried at will', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const ask = () => t.http().get(`/api/v1/public/attendances/001.2026.A000001?cpf=${CPF}`);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await ask()).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const res = await ask().expect(429);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
