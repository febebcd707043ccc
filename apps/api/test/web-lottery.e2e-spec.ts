import type { Browser, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * A lottery in the web client, in Chromium against the real API: the distribution
 * centre's manager selects what waits in its Secretaria, marks one prevento of a related
 * process, draws the rest in a group, and reads the report — each draw with its candidates
 * and their counts, the totals per member, a draw re-checked from its stored data.
 */
describe('web client: distribution by lottery (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  const numbers: string[] = [];
  const ids: string[] = [];
  let chiefToken: string;
  let principal: string;
  let prevento: string;

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    const flow = new AuthFlow(t);
    const centre = await createUnit(t, { kind: 'DISTRIBUTION_CENTER', name: 'Centro de Distribuição Cível' });
    const office = await createUnit(t);
    const manager = await createUser(t, { profile: 'MANAGER', unitId: centre.id, secretaria: true });
    const { secret } = await flow.enroll(manager.username, manager.password, manager.email);
    const token = (await flow.signIn(manager.username, manager.password, secret)).accessToken;
    const post = (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
    chiefToken = (await flow.signedInUser({ profile: 'CHIEF', unitId: centre.id })).token;
    const members = [];
    for (let i = 0; i < 3; i++) members.push(await createUser(t, { profile: 'MEMBER', unitId: office.id }));
    await post('/distribution-groups', {
      name: 'Distribuição Cível',
      unitId: centre.id,
      members: members.map((m) => ({ userId: m.id })),
    }).expect(201);
    // The principal process, in the office: its responsible member is prevento of what relates to it.
    const officeManager = (await flow.signedInUser({ profile: 'MANAGER', unitId: office.id })).token;
    principal = (
      await t
        .http()
        .post('/api/v1/processes')
        .auth(officeManager, { type: 'bearer' })
        .send({
          unitId: office.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary: 'Processo principal',
          responsibleMemberId: members[2].id,
        })
        .expect(201)
    ).body.number;
    prevento = members[2].fullName;
    for (let i = 0; i < 6; i++) {
      const p = await post('/processes', {
        unitId: centre.id,
        classCode: 'NF',
        subjectCode: '10011',
        summary: `Representação ${i + 1}`,
      }).expect(201);
      numbers.push(p.body.number);
      ids.push(p.body.id);
    }

    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/entrar`);
    await page.getByLabel('Usuário ou CPF').fill(manager.username);
    await page.getByLabel('Senha', { exact: true }).fill(manager.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    flow.nextStep();
    await page.getByLabel('Código', { exact: true }).fill(flow.code(secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  afterAll(() => web?.close());

  it('draws a selection of the Secretaria, one prevento, and shows the report of the batch', async () => {
    await page
      .getByRole('link', { name: /Secretaria/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Secretaria' }).waitFor();
    await page.getByRole('link', { name: numbers[0] }).waitFor();
    await page.getByRole('columnheader').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Sortear' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('combobox', { name: 'Grupo de distribuição' })
      .getByText(/Distribuição Cível/)
      .waitFor();
    await dialog.getByLabel('Marcar prevenção', { exact: true }).check();
    await dialog.getByLabel(`Prevento de ${numbers[0]}`, { exact: true }).fill(principal);
    await dialog.getByRole('button', { name: 'Sortear' }).click();

    await page.getByRole('heading', { name: 'Distribuição Cível' }).waitFor();
    await page.getByRole('heading', { name: 'Sorteios deste lote' }).waitFor();
    for (const number of numbers) await page.getByRole('article', { name: `Sorteio do processo ${number}` }).waitFor();
    const counts = await page
      .getByRole('list', { name: 'Distribuições por membro' })
      .getByText(/recebido\(s\)$/)
      .allTextContents();
    // The prevention counts: the two others received first, and everyone ends even.
    expect(counts.map((c) => Number(c.split(' ')[0]))).toEqual([2, 2, 2]);
    const prevented = page.getByRole('article', { name: `Sorteio do processo ${numbers[0]}` });
    await prevented.getByText('Prevenção', { exact: true }).waitFor();
    await prevented.getByRole('row', { name: new RegExp(`^${prevento} ✓`) }).waitFor();
    const first = page.getByRole('article', { name: `Sorteio do processo ${numbers[1]}` });
    expect(await first.getByRole('row').count()).toBe(4);
    await first.getByRole('button', { name: 'Conferir' }).click();
    await first.getByText('Sorteio conferido').waitFor();
    await web.shot(page, '70-lottery-report');

    // Relatórios › Distribuição: the period narrows the counts and the history.
    const history = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Período' }) });
    expect(await history.getByRole('row').count()).toBe(7);
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    await page.getByLabel('De', { exact: true }).fill(tomorrow);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('Nenhuma distribuição.').waitFor();
    const none = await page
      .getByRole('list', { name: 'Distribuições por membro' })
      .getByText(/recebido\(s\)$/)
      .allTextContents();
    expect(none.map((c) => Number(c.split(' ')[0]))).toEqual([0, 0, 0]);
  });

  it('cancels a distribution with the signed term, from the Operações menu', async () => {
    const chief = (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(chiefToken, { type: 'bearer' }).send(body);
    const term = await chief(`/processes/${ids[0]}/documents`, {
      typeCode: 'TERMO_CANCELAMENTO_DISTRIBUICAO',
      title: 'Termo de cancelamento',
      content: '<p>Cancelo a distribuição por erro material.</p>',
    }).expect(201);
    await chief(`/documents/${term.body.id}/sign`, { version: term.body.version }).expect(200);

    await page.goto(`${base}/processos/${ids[0]}`);
    await page.getByRole('button', { name: 'Operações' }).click();
    await page.getByRole('menuitem', { name: 'Cancelar distribuição' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Termo de cancelamento assinado' }).click();
    await page.getByRole('option', { name: 'Termo de cancelamento' }).click();
    await dialog.getByRole('button', { name: 'Cancelar distribuição' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Distribuição' }).click();
    await page.getByRole('cell', { name: 'Cancelada' }).waitFor();
    await page.getByRole('button', { name: 'Operações' }).click();
    expect(await page.getByRole('menuitem', { name: 'Cancelar distribuição' }).count()).toBe(0);
  });
});
