import type { Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import type { TestApp } from './support/test-app';
import { signedInPage, startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * Converter classe and Anexar from the Operações menu, in Chromium against the real API: a
 * Notícia de Fato becomes a Procedimento Preparatório with its portaria left as a draft;
 * another process is attached to it, found by number; an unknown number is refused in words.
 */
describe('web client: conversion and attachment (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let page: Page;
  let token: string;
  let principal: { id: string; number: string };
  let other: { id: string; number: string };

  const get = (path: string) => t.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }).expect(200);

  beforeAll(async () => {
    web = await startWebClientTest();
    t = web.t;
    const flow = new AuthFlow(t);
    const unit = await createUnit(t);
    const member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id, secretaria: true });
    token = member.token;
    const register = async (summary: string) => {
      const p = await t
        .http()
        .post('/api/v1/processes')
        .auth(token, { type: 'bearer' })
        .send({ unitId: unit.id, classCode: 'NF', subjectCode: '10011', summary })
        .expect(201);
      return p.body as { id: string; number: string };
    };
    principal = await register('Contratação sem licitação');
    other = await register('Mesma contratação, outra representação');
    page = await signedInPage(web, flow, member);
  });

  afterAll(() => web?.close());

  async function operate(number: string, operation: string): Promise<void> {
    await page.goto(`${web.base}/busca?q=${number}`);
    await page.getByRole('heading', { name: `Processo ${number}` }).waitFor();
    await page.getByRole('button', { name: 'Operações' }).click();
    await page.getByRole('menuitem', { name: operation, exact: true }).click();
  }

  it('converts a Notícia de Fato into a Procedimento Preparatório, the portaria left as a draft', async () => {
    await operate(principal.number, 'Converter classe');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Nova classe', exact: true }).click();
    await page.getByRole('option', { name: /^PP — / }).click();
    await dialog.getByLabel('Título da portaria', { exact: true }).fill('Portaria de instauração de PP');
    await dialog
      .getByLabel('Texto da portaria (um parágrafo por linha)', { exact: true })
      .fill('Instauro o Procedimento Preparatório.\nNotifique-se o município.');
    await web.shot(page, '46-convert');
    await dialog.getByRole('button', { name: 'Converter classe' }).click();
    await dialog.waitFor({ state: 'detached' });

    const view = (await get(`/processes/${principal.id}`)).body;
    expect(view.classCode).toBe('PP');
    expect(view.documents).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'Portaria de instauração de PP', status: 'DRAFT' })]),
    );
  });

  it('attaches another process to it, found by number; an unknown number is refused in words', async () => {
    await operate(other.number, 'Anexar a outro processo');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Número do processo principal', { exact: true }).fill('999.2026.999999');
    await dialog.getByRole('button', { name: 'Anexar a outro processo' }).click();
    await dialog.getByText('Nenhum processo visível com o número 999.2026.999999.').waitFor();
    await dialog.getByLabel('Número do processo principal', { exact: true }).fill(principal.number);
    await dialog.getByRole('button', { name: 'Anexar a outro processo' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect((await get(`/processes/${other.id}`)).body).toMatchObject({
      location: 'ATTACHED',
      principalId: principal.id,
    });
    expect((await get(`/processes/${principal.id}`)).body.attached).toEqual([{ id: other.id, number: other.number }]);
  });
});
