import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '@acervo/testing';
import type { Browser, Page } from 'playwright-core';
import type { AuthFlow } from './auth-flow';
import { createTestApp, type TestApp } from './test-app';

const WEB_DIR = join(__dirname, '../../../web/dist');
/** Screenshots of the main screens, kept as CI artifacts (not committed). */
const ARTIFACTS = join(__dirname, '../../../../test-artifacts/web');

export interface WebClientTest {
  t: TestApp;
  /** Where the API serves the built web client, on loopback. */
  base: string;
  browser: Browser;
  /** Saves a full-page screenshot of `page` as an artifact named `name`.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** The real API serving the built web client on a free port, and Debian's Chromium to drive it. */
export async function startWebClientTest(): Promise<WebClientTest> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const t = await createTestApp({ WEB_DIR });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    t,
    base,
    browser,
    shot: (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A new browser page signed in as `user` through the sign-in screens (password, then the
 * code of the user's TOTP secret), left on the inbox.
 */
export async function signedInPage(
  web: WebClientTest,
  flow: AuthFlow,
  user: { username: string; password: string; secret: string },
): Promise<Page> {
  const page = await (
    await web.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
  ).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${web.base}/entrar`);
  await page.getByLabel('Usuário ou CPF').fill(user.username);
  await page.getByLabel('Senha', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  flow.nextStep();
  await page.getByLabel('Código', { exact: true }).fill(flow.code(user.secret));
  await page.getByRole('button', { name: 'Confirmar' }).click();
  await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  return page;
}
