import type { Browser, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * The catalogues in the web client, in Chromium against the real API: the administrator
 * creates a class and gives it a legal deadline (the rest of the table stays), registers a
 * state holiday, and deactivates a subject — first refused because someone renamed it
 * meanwhile, in the server's words, then done after reloading.
 */
describe('web client: catalogues (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<AuthFlow['signedInUser']>>;

  const api = (path: string) => t.http().get(`/api/v1${path}`).auth(admin.token, { type: 'bearer' }).expect(200);

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, browser } = web);
    const flow = new AuthFlow(t);
    admin = await flow.signedInUser({ profile: 'ADMIN' });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${web.base}/entrar`);
    await page.getByLabel('Usuário ou CPF').fill(admin.username);
    await page.getByLabel('Senha', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    flow.nextStep();
    await page.getByLabel('Código', { exact: true }).fill(flow.code(admin.secret));
    await page.getByRole('button', { name: 'Confirmar', exact: true }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Catálogos', exact: true }).click();
    await page.getByRole('heading', { name: 'Catálogos', exact: true }).waitFor();
  });

  afterAll(() => web?.close());

  it('creates a class and gives it a legal deadline, keeping the other classes rules', async () => {
    await page.getByLabel('Código', { exact: true }).fill('pac');
    await page.getByLabel('Nome', { exact: true }).fill('Procedimento Administrativo de Controle');
    await page.getByRole('button', { name: 'Incluir', exact: true }).click();
    await page.getByRole('cell', { name: 'Procedimento Administrativo de Controle', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Prazo legal de PAC', exact: true }).click();
    await page.getByLabel('Duração do prazo', { exact: true }).fill('60');
    await page.getByLabel('Prorrogação', { exact: true }).fill('30');
    await page.getByLabel('Máximo de prorrogações (vazio: sem limite)', { exact: true }).fill('2');
    await page.getByLabel('Fundamento legal', { exact: true }).fill('Ato PGJ 1/2026, art. 5º');
    await page.getByRole('button', { name: 'Salvar prazo legal', exact: true }).click();
    await page.getByText('Prazo legal de PAC salvo.', { exact: true }).waitFor();
    await page.getByText('60 dias, prorrogável por 30 dias (2 vezes)', { exact: true }).waitFor();
    await web.shot(page, '82-admin-catalogues');

    expect((await api('/classes')).body.items).toContainEqual(
      expect.objectContaining({ code: 'PAC', kind: 'EXTRAJUDICIAL', active: true }),
    );
    const table = (await api('/legal-deadlines')).body.items as { classCode: string }[];
    expect(table.map((r) => r.classCode)).toEqual(['IC', 'NF', 'PA', 'PAC', 'PIC', 'PP']);
    expect(table).toContainEqual({
      classCode: 'PAC',
      duration: { amount: 60, unit: 'DAYS' },
      extension: { amount: 30, unit: 'DAYS' },
      maxExtensions: 2,
      legalBasis: 'Ato PGJ 1/2026, art. 5º',
    });
  });

  it('registers a state holiday', async () => {
    await page.getByRole('tab', { name: 'Feriados', exact: true }).click();
    await page.getByLabel('Data', { exact: true }).fill('2030-09-16');
    await page.getByLabel('Nome', { exact: true }).fill('Emancipação Política de Alagoas');
    await page.getByRole('combobox', { name: 'Abrangência', exact: true }).click();
    await page.getByRole('option', { name: 'Estadual', exact: true }).click();
    await page.getByRole('button', { name: 'Cadastrar feriado', exact: true }).click();
    await page.getByRole('cell', { name: 'Emancipação Política de Alagoas', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'AL', exact: true }).waitFor();
    await web.shot(page, '83-admin-holidays');

    expect((await api('/holidays?year=2030')).body.items).toContainEqual(
      expect.objectContaining({ date: '2030-09-16', scope: 'STATE', uf: 'AL', city: null }),
    );
  });

  it('deactivates a subject, after a stale version is refused in the server words', async () => {
    await page.getByRole('tab', { name: 'Assuntos', exact: true }).click();
    await page.getByRole('cell', { name: 'Urbanismo', exact: true }).waitFor();
    // Someone renames the subject after the page read it.
    const [subject] = ((await api('/subjects')).body.items as { code: string; version: number }[]).filter(
      (s) => s.code === '10295',
    );
    await t
      .http()
      .patch('/api/v1/subjects/10295')
      .auth(admin.token, { type: 'bearer' })
      .send({ version: subject.version, name: 'Ordem Urbanística' })
      .expect(200);

    await page.getByRole('button', { name: 'Desativar 10295', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText('O registro foi alterado por outra pessoa. Recarregue e tente de novo.', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Recarregar', exact: true }).click();
    await page.getByRole('cell', { name: 'Ordem Urbanística', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Desativar 10295', exact: true }).click();
    await page.getByRole('button', { name: 'Ativar 10295', exact: true }).waitFor();

    expect((await api('/subjects')).body.items).toContainEqual(
      expect.objectContaining({ code: '10295', name: 'Ordem Urbanística', active: false }),
    );
    expect((await api('/subjects?active=true')).body.items).not.toContainEqual(
      expect.objectContaining({ code: '10295' }),
    );
  });

  it('shows which movements a person records and which only their operation writes', async () => {
    await page.getByRole('tab', { name: 'Movimentos', exact: true }).click();
    const row = (code: string) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
    const filter = page.locator('#movement-types-filter');
    await filter.fill('920005');
    await row('920005').getByRole('cell', { name: 'Sistema (a própria operação)', exact: true }).waitFor();
    await filter.fill('900031');
    await row('900031').getByRole('cell', { name: 'Pessoa (Movimentar)', exact: true }).waitFor();
  });
});
