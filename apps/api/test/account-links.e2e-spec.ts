import type { Browser, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * The pages e-mailed links open, in a real browser against the real API: each reads the
 * token after '#', wipes it from the address bar, and POSTs it.
 */
describe('pages opened by e-mailed links (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let flow: AuthFlow;
  let base: string;
  let browser: Browser;
  let page: Page;

  /** The link of the newest mail to `email`, on this test server. */
  async function linkIn(email: string): Promise<string> {
    const mail = await t.smtp.waitForMailTo(email);
    const url = new URL(/https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(mail.text)![0]);
    return `${base}${url.pathname}${url.hash}`;
  }

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    flow = new AuthFlow(t);
  });

  beforeEach(async () => {
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    t.smtp.clear();
  });

  afterEach(() => page.close());

  afterAll(() => web.close());

  it('/senha/redefinir sets a password, explains the policy, and is single-use', async () => {
    const user = await createUser(t);
    await t
      .http()
      .post('/api/v1/auth/password/forgot')
      .send({ username: user.username, email: user.email })
      .expect(202);
    const link = await linkIn(user.email);
    expect(new URL(link).pathname).toBe('/senha/redefinir');

    await page.goto(link);
    await page.getByRole('heading', { name: 'Definir senha' }).waitFor();
    expect(page.url()).not.toContain('token');
    await page.getByLabel('Nova senha').fill('curta');
    await page.getByLabel('Repita a senha').fill('curta');
    await page.getByRole('button', { name: 'Salvar senha' }).click();
    await page.getByRole('alert').filter({ hasText: /12/ }).waitFor();

    const password = 'uma frase longa de senha nova';
    await page.getByLabel('Nova senha').fill(password);
    await page.getByLabel('Repita a senha').fill(password);
    await page.getByRole('button', { name: 'Salvar senha' }).click();
    await page.getByText('Senha definida').waitFor();
    const login = await t.http().post('/api/v1/auth/login').send({ username: user.username, password }).expect(200);
    expect(login.body.status).toBe('enrollment_required');

    const again = await browser.newPage();
    await again.goto(link);
    await again.getByLabel('Nova senha').fill('outra frase longa de senha');
    await again.getByLabel('Repita a senha').fill('outra frase longa de senha');
    await again.getByRole('button', { name: 'Salvar senha' }).click();
    await again.getByText('Link inválido, expirado ou já utilizado.').waitFor();
    await again.close();
  });

  it('/2fa/ativar activates 2FA and shows the 10 recovery codes once', async () => {
    const user = await createUser(t);
    const token = await flow.enrollmentToken(user.username, user.password);
    const enrollment = await t.http().post('/api/v1/auth/totp/enrollment').auth(token, { type: 'bearer' }).expect(200);
    await t
      .http()
      .post('/api/v1/auth/totp/enrollment/confirm')
      .auth(token, { type: 'bearer' })
      .send({ code: flow.code(enrollment.body.secret), email: user.email })
      .expect(202);
    const link = await linkIn(user.email);

    await page.goto(link);
    await page.getByText('Autenticação em dois fatores ativada.').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    const login = await t.http().post('/api/v1/auth/login').send({ username: user.username, password: user.password });
    expect(login.body.status).toBe('totp_required');

    const again = await browser.newPage();
    await again.goto(link);
    await again.getByText('Link inválido, expirado ou já utilizado.').waitFor();
    await again.close();
  });

  it('/2fa/desativar asks for the password, then disables 2FA', async () => {
    const user = await createUser(t);
    await flow.enroll(user.username, user.password, user.email);
    t.smtp.clear();
    await t.http().post('/api/v1/auth/totp/disable-request').send({ username: user.username }).expect(202);
    const link = await linkIn(user.email);

    await page.goto(link);
    await page.getByLabel('Senha').fill('não é a senha dele');
    await page.getByRole('button', { name: 'Desativar 2FA' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Senha').fill(user.password);
    await page.getByRole('button', { name: 'Desativar 2FA' }).click();
    await page.getByText('2FA desativado.').waitFor();
    const login = await t.http().post('/api/v1/auth/login').send({ username: user.username, password: user.password });
    expect(login.body.status).toBe('enrollment_required');
  });
});
