import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import { TEST_ADMIN, type TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * Administration in the web client, in Chromium against the real API: the administrator
 * registers a unit and a user (who is mailed the first-password link); a chief reads the
 * security and access logs of its unit.
 */
describe('web client: administration (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let flow: AuthFlow;

  async function signIn(
    username: string,
    password: string,
    secret: string,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/entrar`);
    await page.getByLabel('Usuário ou CPF').fill(username);
    await page.getByLabel('Senha', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    flow.nextStep();
    await page.getByLabel('Código', { exact: true }).fill(flow.code(secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
    return { context, page };
  }

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    flow = new AuthFlow(t);
  });

  afterAll(() => web?.close());

  it('registers a unit and a user, who is mailed the link to set a password', async () => {
    const { secret } = await flow.enroll(TEST_ADMIN.username, TEST_ADMIN.password, 'admin@mp.example');
    const { context, page } = await signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret);
    await page.getByRole('link', { name: 'Órgãos' }).click();
    await page.getByLabel('Código').fill('077');
    await page.getByLabel('Nome', { exact: true }).fill('77ª Promotoria de Justiça da Capital');
    await page.getByLabel('Cidade').fill('Maceió');
    await page.getByRole('button', { name: 'Cadastrar órgão' }).click();
    await page.getByRole('cell', { name: '77ª Promotoria de Justiça da Capital' }).waitFor();

    await page.getByRole('link', { name: 'Usuários', exact: true }).click();
    await page.getByLabel('Nome', { exact: true }).fill('Beatriz Lins Cavalcanti');
    await page.getByLabel('Usuário', { exact: true }).fill('beatriz.lins');
    await page.getByLabel('CPF').fill('111.444.777-35');
    await page.getByLabel('E-mail').fill('beatriz.lins@mp.example');
    await page.getByRole('combobox', { name: 'Perfil' }).click();
    await page.getByRole('option', { name: 'Membro', exact: true }).click();
    await page.getByRole('combobox', { name: 'Órgão' }).click();
    await page.locator('.p-select-overlay .p-select-filter').last().fill('077');
    await page.getByRole('option', { name: /^077 — / }).click();
    t.smtp.clear();
    await page.getByRole('button', { name: 'Cadastrar usuário' }).click();
    await page.getByRole('cell', { name: 'Beatriz Lins Cavalcanti' }).waitFor();
    await web.shot(page, '80-admin-users');
    const mail = await t.smtp.waitForMailTo('beatriz.lins@mp.example');
    expect(mail.text).toMatch(/\/senha\/redefinir#token=/);

    await page.getByRole('link', { name: 'Configurações da instituição' }).click();
    await page.getByLabel('Dias de um dispositivo liberado').fill('15');
    await page.getByRole('button', { name: 'Salvar configurações' }).click();
    await page.getByText('Configurações salvas.').waitFor();
    const settings = await t
      .http()
      .get('/api/v1/institution-settings')
      .auth((await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret)).accessToken, { type: 'bearer' });
    expect(settings.body.trustedDeviceDays).toBe(15);
    await context.close();
  });

  it('shows a chief the security and the access logs of its unit', async () => {
    const unit = await createUnit(t);
    const chief = await createUser(t, { profile: 'CHIEF', unitId: unit.id });
    const { secret } = await flow.enroll(chief.username, chief.password, chief.email);
    const { context, page } = await signIn(chief.username, chief.password, secret);
    await page.getByRole('link', { name: 'Registros de segurança e acesso' }).click();
    await page.getByRole('heading', { name: 'Registros de segurança e acesso' }).waitFor();
    await page.getByRole('cell', { name: chief.username }).first().waitFor();
    await web.shot(page, '81-admin-logs');
    await page.getByText('Acessos', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'Como' }).waitFor();

    const aide = await createUser(t, { profile: 'ANALYST', unitId: unit.id, linkedMemberId: chief.id });
    await page.getByRole('link', { name: 'Grupos de usuários' }).click();
    await page.getByLabel('Novo grupo').fill('Assessoria do gabinete');
    await page.getByRole('button', { name: 'Criar grupo' }).click();
    await page.getByLabel('Nome', { exact: true }).waitFor();
    await page
      .getByLabel('Buscar pelo nome (3 letras ou mais)')
      .pressSequentially(aide.fullName.slice(-8), { delay: 20 });
    await page.getByRole('option', { name: new RegExp(aide.fullName) }).click();
    await page.getByRole('button', { name: 'Salvar grupo' }).click();
    await page.getByText('Grupo salvo.').waitFor();
    const token = (await flow.signIn(chief.username, chief.password, secret)).accessToken;
    const groups = await t.http().get('/api/v1/groups').auth(token, { type: 'bearer' }).expect(200);
    expect(groups.body.items).toEqual([
      expect.objectContaining({ name: 'Assessoria do gabinete', members: [expect.objectContaining({ id: aide.id })] }),
    ]);
    await context.close();
  });
});
