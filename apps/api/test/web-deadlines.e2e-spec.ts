import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

const DAY_MS = 86_400_000;

/**
 * Deadlines in the web client, in Chromium against the real API: a waiting deadline set
 * from the Operações menu takes the process to Em espera; the server's clock moves past
 * it and the process is back in the inbox, "Prazo vencido"; the deadline is extended, then
 * closed from the process page.
 */
describe('web client: deadlines (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let flow: AuthFlow;
  let process: { id: string; number: string };

  const boxRow = () => page.getByRole('row').filter({ has: page.getByRole('link', { name: process.number }) });

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    flow = new AuthFlow(t);
    const unit = await createUnit(t);
    const member = await createUser(t, { profile: 'MEMBER', unitId: unit.id });
    const { secret } = await flow.enroll(member.username, member.password, member.email);
    const clerk = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unit.id,
      secretaria: true,
      linkedMemberId: member.id,
    });
    const auth = { type: 'bearer' as const };
    process = (
      await t
        .http()
        .post('/api/v1/processes')
        .auth(clerk.token, auth)
        .send({ unitId: unit.id, classCode: 'NF', subjectCode: '10011', summary: 'Ofício à Secretaria de Saúde' })
        .expect(201)
    ).body;
    await t
      .http()
      .post(`/api/v1/processes/${process.id}/conclude`)
      .auth(clerk.token, auth)
      .send({ version: 1, userId: member.id })
      .expect(200);

    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/entrar`);
    await page.getByLabel('Usuário ou CPF').fill(member.username);
    await page.getByLabel('Senha', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    flow.nextStep();
    await page.getByLabel('Código', { exact: true }).fill(flow.code(secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  afterAll(() => web?.close());

  it('a waiting deadline takes the process to Em espera', async () => {
    await page.getByRole('link', { name: process.number }).click();
    await page.getByRole('button', { name: 'Operações' }).click();
    await page.getByRole('menuitem', { name: 'Incluir prazo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Descrição do prazo').fill('Aguardar a resposta do ofício');
    await dialog.getByLabel('Dias').fill('3');
    await dialog.getByRole('button', { name: 'Incluir prazo' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: /Em espera/ }).click();
    await page.getByRole('heading', { name: 'Em espera' }).waitFor();
    await boxRow().getByText('Em prazo').waitFor();
    await page.getByRole('link', { name: /Caixa de entrada/ }).click();
    await page.getByText('Nada nesta caixa.').waitFor();
  });

  it('back in the inbox, "Prazo vencido", once the server’s clock passes the due day', async () => {
    t.clock.advance(6 * DAY_MS);
    await page.getByRole('link', { name: /Prazos/ }).click();
    await page.getByRole('link', { name: /Caixa de entrada/ }).click();
    await boxRow().getByText('Prazo vencido').waitFor();
    await web.shot(page, '40-deadline-expired');
  });

  it('extends the internal deadline, then closes it, from the process page', async () => {
    await page.getByRole('link', { name: process.number }).click();
    await page.getByRole('tab', { name: /Prazos/ }).click();
    const row = page.getByRole('row').filter({ hasText: 'Aguardar a resposta do ofício' });
    await row.getByText('Prazo vencido').waitFor();
    await row.getByRole('button', { name: 'Prorrogar prazo' }).click();
    await page.getByRole('dialog').getByLabel('Dias a acrescentar').fill('10');
    await page.getByRole('dialog').getByRole('button', { name: 'Prorrogar prazo' }).click();
    await row.getByText(/^Prazo até/).waitFor();

    await row.getByRole('button', { name: 'Encerrar prazo' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/Observação/)
      .fill('Resposta recebida');
    await page.getByRole('dialog').getByRole('button', { name: 'Encerrar prazo' }).click();
    await row.getByText('Encerrado').waitFor();
    await web.shot(page, '41-deadline-closed');
    const events = await t.app
      .get(DataSource)
      .query(`SELECT code FROM process_events WHERE process_id = $1 ORDER BY sequence`, [process.id]);
    expect(events.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['900020', '900022', '900021']));
  });
});
