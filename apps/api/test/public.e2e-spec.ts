import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('GET /public/processes/{number} (no sign-in)', () => {
  let t: TestApp;
  let member: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  let unitCode: string;
  let unitId: string;
  const register = async (over: object = {}) => {
    const res = await t
      .http()
      .post('/api/v1/processes')
      .auth(member.token, { type: 'bearer' })
      .send({
        unitId,
        classCode: 'NF',
        subjectCode: '10432',
        summary: 'Cobrança indevida de tarifa',
        parties: [
          { name: 'Associação de Consumidores', type: 'Representante' },
          { name: 'Menor Protegido', type: 'Vítima', secret: true },
        ],
        ...over,
      })
      .expect(201);
    return res.body as { id: string; number: string };
  };
  const signed = async (processId: string, typeCode: string, title: string) => {
    const doc = await t
      .http()
      .post(`/api/v1/processes/${processId}/documents`)
      .auth(member.token, { type: 'bearer' })
      .send({ typeCode, title, content: `<p>${title}</p>` })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/documents/${doc.body.id}/sign`)
      .auth(member.token, { type: 'bearer' })
      .send({ version: 1 })
      .expect(200);
  };
  const consult = (number: string, key?: string) =>
    t.http().get(`/api/v1/public/processes/${number}${key ? `?key=${key}` : ''}`);

  beforeAll(async () => {
    t = await createTestApp();
    const unit = await createUnit(t);
    unitCode = unit.code;
    unitId = unit.id;
    member = await new AuthFlow(t).signedInUser({ profile: 'MEMBER', unitId });
  });

  afterAll(() => t.close());

  it('shows a public process: cover, parties (secret ones hidden), events and decisory documents only', async () => {
    const p = await register();
    await signed(p.id, 'DECISAO', 'Decisão de instauração');
    await signed(p.id, 'OFICIO', 'Ofício à empresa');
    const res = await consult(p.number).expect(200);
    expect(res.body).toMatchObject({
      number: p.number,
      class: 'Notícia de Fato',
      subject: 'Direito do Consumidor',
      status: 'Em tramitação',
      parties: [
        { name: 'Associação de Consumidores', type: 'Representante' },
        { name: 'Parte sigilosa', type: 'Vítima' },
      ],
    });
    expect(res.body.documents.map((d: { title: string }) => d.title)).toEqual(['Decisão de instauração']);
    expect(res.body.events.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(res.body)).not.toMatch(/Menor Protegido|accessKey|summary/);
  });

  it('opens a level-1 process only with its key', async () => {
    const p = await register({ secrecyLevel: 1 });
    await signed(p.id, 'OFICIO', 'Ofício sigiloso');
    const view = await t.http().get(`/api/v1/processes/${p.id}`).auth(member.token, { type: 'bearer' }).expect(200);
    const without = await consult(p.number).expect(403);
    expect(without.body.title).toBe('Processo sigiloso');
    await consult(p.number, 'WRONGKEY00000000').expect(403);
    const withKey = await consult(p.number, view.body.accessKey).expect(200);
    expect(withKey.body.documents.map((d: { title: string }) => d.title)).toEqual(['Ofício sigiloso']);
    expect(withKey.body.parties[1].name).toBe('Parte sigilosa');
  });

  it('answers "Processo sigiloso" for levels 2 to 4', async () => {
    for (const level of [2, 3, 4]) {
      const p = await register({ secrecyLevel: level });
      const res = await consult(p.number).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.title).toBe('Processo sigiloso');
    }
  });

  it('cannot tell a level-5 process from a number that does not exist', async () => {
    const p = (
      await t
        .http()
        .post('/api/v1/processes')
        .auth(member.token, { type: 'bearer' })
        .send({
          unitId,
          classCode: 'NF',
          subjectCode: '10432',
          summary: 'Caso reservado',
          secrecyLevel: 5,
          responsibleMemberId: member.id,
        })
        .expect(201)
    ).body as { number: string };
    const unknown = `${unitCode}.2026.999999`;
    const [hidden, missing] = [await consult(p.number).expect(404), await consult(unknown).expect(404)];
    const normalise = (body: Record<string, unknown>, number: string) =>
      JSON.stringify({ ...body, requestId: undefined }).replaceAll(number, '<n>');
    expect(normalise(hidden.body, p.number)).toBe(normalise(missing.body, unknown));
    expect(hidden.body.title).toBe('Processo não encontrado');
    const headers = (h: Record<string, string>) =>
      Object.keys(h)
        .filter((k) => !['date', 'etag', 'x-request-id', 'content-length', 'x-ratelimit-remaining'].includes(k))
        .sort()
        .map((k) => `${k}: ${h[k]}`);
    expect(headers(hidden.headers)).toEqual(headers(missing.headers));
    await consult('not-a-number').expect(404);
  });
});
