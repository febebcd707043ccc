import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '@acervo/testing';
import type { Browser, Page } from 'playwright-core';
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
