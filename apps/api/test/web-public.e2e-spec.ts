import type { Browser, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * The public consultation page, without signing in, in Chromium against the real API:
 * level 0 shows the cover, events and decisory documents; level 1 only with its key;
 * levels 2–4 say "sigiloso"; level 5 reads exactly like a number that does not exist.
 */
describe('web client: public consultation of a process (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let member: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  let unit: { id: string; code: string };

  const as = (path: string, body: object) =>
    t.http().post(`/api/v1${path}`).auth(member.token, { type: 'bearer' }).send(body);
  const register = async (over: object) =>
    (
      await as('/processes', {
        unitId: unit.id,
        classCode: 'NF',
        subjectCode: '10432',
        summary: 'Cobrança indevida de tarifa bancária',
        parties: [
          { name: 'Associação de Consumidores', type: 'Representante' },
          { name: 'Menor Protegido', type: 'Vítima', secret: true },
        ],
        ...over,
      }).expect(201)
    ).body as { id: string; number: string };
  const signed = async (processId: string, typeCode: string, title: string) => {
    const doc = await as(`/processes/${processId}/documents`, {
      typeCode,
      title,
      content: `<p>${title}: texto.</p>`,
    }).expect(201);
    await as(`/documents/${doc.body.id}/sign`, { version: 1 }).expect(200);
  };
  async function consult(number: string, key = ''): Promise<void> {
    // From the sign-in page, as a citizen finds it.
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Consulta pública de processo' }).click();
    await page.getByLabel('Número do processo').fill(number);
    await page.getByLabel('Chave do processo (opcional)').fill(key);
    await page.getByRole('button', { name: 'Consultar' }).click();
  }

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    unit = await createUnit(t);
    member = await new AuthFlow(t).signedInUser({ profile: 'MEMBER', unitId: unit.id });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(() => web?.close());

  it('level 0: the cover, the events and the decisory documents, a secret party masked', async () => {
    const p = await register({});
    await signed(p.id, 'DECISAO', 'Decisão de instauração');
    await signed(p.id, 'OFICIO', 'Ofício à empresa');
    await consult(p.number);
    await page.getByRole('heading', { name: `Processo ${p.number}` }).waitFor();
    await page.getByText('Parte sigilosa').waitFor();
    await page.getByText(/Decisão: Decisão de instauração/).waitFor();
    expect(await page.getByText('Menor Protegido').count()).toBe(0);
    expect(await page.getByText('Ofício à empresa').count()).toBe(0);
    await page.getByRole('button', { name: 'Ler' }).click();
    await page
      .frameLocator('iframe[title="Decisão de instauração"]')
      .getByText('Decisão de instauração: texto.')
      .waitFor();
    await web.shot(page, '30-public-level-0');
  });

  it('level 1: nothing without the key, everything but secret parties with it', async () => {
    const p = await register({ secrecyLevel: 1 });
    await signed(p.id, 'OFICIO', 'Ofício sigiloso');
    const key = (await t.http().get(`/api/v1/processes/${p.id}`).auth(member.token, { type: 'bearer' })).body.accessKey;
    await consult(p.number);
    await page.getByRole('alert').filter({ hasText: 'informe a chave do processo' }).waitFor();
    await consult(p.number, key);
    await page.getByRole('heading', { name: `Processo ${p.number}` }).waitFor();
    await page.getByText(/Ofício: Ofício sigiloso/).waitFor();
    expect(await page.getByText('Menor Protegido').count()).toBe(0);
    await web.shot(page, '31-public-level-1-key');
  });

  it('level 2: "sigiloso", nothing else', async () => {
    const p = await register({ secrecyLevel: 2 });
    await consult(p.number);
    await page.getByRole('alert').filter({ hasText: 'sigiloso' }).waitFor();
    expect(await page.getByRole('heading', { name: `Processo ${p.number}` }).count()).toBe(0);
    await web.shot(page, '32-public-level-2');
  });

  it('level 5: the same words as a number that does not exist', async () => {
    const p = await register({ secrecyLevel: 5, responsibleMemberId: member.id, parties: [] });
    await consult(p.number);
    const hidden = await page.getByRole('alert').textContent();
    await consult(`${unit.code}.2026.999999`);
    const missing = await page.getByRole('alert').textContent();
    expect(hidden).toBe(missing);
    expect(hidden).toMatch(/Não há processo público com este número/);
    await web.shot(page, '33-public-level-5');
  });
});
