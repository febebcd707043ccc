import { MOVEMENTS } from '@acervo/domain';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A day at a promotoria, through the API only: the clerk registers a Notícia de Fato and
 * concludes it to the promotor, who records a movement, drafts and signs a despacho;
 * the clerk forwards it to another unit, which archives and later unarchives it.
 */
describe('a day at the office', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('register → conclude → move → draft → sign → forward → archive → unarchive', async () => {
    const flow = new AuthFlow(t);
    const promotoria = await createUnit(t);
    const centro = await createUnit(t);
    const promotor = await flow.signedInUser({ profile: 'MEMBER', unitId: promotoria.id });
    const escrevente = await flow.signedInUser({ profile: 'INTERN', unitId: promotoria.id, secretaria: true });
    const outroCartorio = await flow.signedInUser({ profile: 'MEMBER', unitId: centro.id, secretaria: true });
    const call = (user: { token: string }) => ({
      get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).expect(200),
      post: (path: string, body: object, status = 200) =>
        t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body).expect(status),
    });

    const { body: nf } = await call(escrevente).post(
      '/processes',
      {
        unitId: promotoria.id,
        classCode: 'NF',
        subjectCode: '10432',
        summary: 'Cobrança abusiva em tarifas de água',
        parties: [{ name: 'Maria das Dores', type: 'Representante' }],
      },
      201,
    );
    let version = nf.version as number;
    const op = async (user: { token: string }, name: string, body: object = {}) => {
      const { body: result } = await call(user).post(`/processes/${nf.id}/${name}`, { version, ...body });
      version = result.version;
      return result;
    };

    await op(escrevente, 'conclude', { userId: promotor.id });
    expect((await call(promotor).get('/boxes/inbox')).body.items.map((i: { id: string }) => i.id)).toContain(nf.id);
    await op(promotor, 'move', { movementCode: MOVEMENTS.MOVED.code, description: 'Atendida a representante' });
    const { body: despacho } = await call(promotor).post(
      `/processes/${nf.id}/documents`,
      { typeCode: 'DESPACHO', title: 'Despacho', content: '<p>Oficie-se à concessionária.</p>' },
      201,
    );
    await call(promotor).post(`/documents/${despacho.id}/sign`, { version: despacho.version });
    version = (await call(promotor).get(`/processes/${nf.id}`)).body.version;
    await op(promotor, 'to-secretaria');
    await op(escrevente, 'forward', { unitId: centro.id });
    await op(outroCartorio, 'archive', { movementCode: MOVEMENTS.ARCHIVED_RESOLVED.code });
    await op(outroCartorio, 'unarchive');

    const { body: view } = await call(outroCartorio).get(`/processes/${nf.id}`);
    expect(view).toMatchObject({ location: 'SECRETARIA', unitId: centro.id });
    expect(view.documents).toEqual([expect.objectContaining({ id: despacho.id, status: 'SIGNED' })]);
    expect(view.events.map((e: { code: string }) => e.code)).toEqual([
      MOVEMENTS.REGISTERED.code,
      MOVEMENTS.CONCLUDED.code,
      MOVEMENTS.MOVED.code,
      MOVEMENTS.DOCUMENT_ADDED.code,
      MOVEMENTS.TO_SECRETARIA.code,
      MOVEMENTS.SENT.code,
      MOVEMENTS.ARCHIVED_RESOLVED.code,
      MOVEMENTS.UNARCHIVED.code,
    ]);
    expect(view.events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
