import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * A member's documents and month in the web client, in Chromium against the real API: a
 * template written with the tag picker, its unknown tag named as it is typed, previewed and
 * saved; a template previewed against the process and rendered into a draft; the month's RAF
 * previewed a page of events at a time, exported and downloaded, then the re-export warning.
 */
describe('web client: drafts from templates and the RAF (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let process: { id: string; number: string };
  let token: string;

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    const flow = new AuthFlow(t);
    const unit = await createUnit(t, { name: 'Promotoria de Justiça de Arapiraca', city: 'Arapiraca' });
    const member = await createUser(t, { profile: 'MEMBER', unitId: unit.id, secretaria: true });
    const { secret } = await flow.enroll(member.username, member.password, member.email);
    token = (await flow.signIn(member.username, member.password, secret)).accessToken;
    const post = (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
    process = (
      await post('/processes', {
        unitId: unit.id,
        classCode: 'NF',
        subjectCode: '10011',
        summary: 'Transporte escolar irregular',
      }).expect(201)
    ).body;
    await post(`/processes/${process.id}/conclude`, { version: 1, userId: member.id }).expect(200);
    await post('/templates', {
      name: 'Despacho de instauração',
      typeCode: 'DESPACHO',
      body: '<p>Processo ${processo.numeracao.numero} (${processo.classe.nome}).</p><p>${localData}.</p>',
    }).expect(201);

    page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    ).newPage();
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

  it('writes a template with the tag picker, names an unknown tag as it is typed, previews and saves it', async () => {
    await page.getByRole('link', { name: 'Modelos', exact: true }).click();
    await page.getByRole('button', { name: 'Novo modelo' }).click();
    await page.getByLabel('Nome do modelo', { exact: true }).fill('Notificação ao interessado');
    const body = page.getByRole('textbox', { name: 'Texto do modelo', exact: true });
    await body.click();
    await page.keyboard.type('Processo ');
    await page.getByRole('combobox', { name: 'Tag', exact: true }).click();
    await page.locator('.p-select-overlay .p-select-filter').last().fill('Número do processo');
    await page.getByRole('option', { name: 'Número do processo — ${processo.numeracao.numero}', exact: true }).click();
    await page.getByRole('button', { name: 'Inserir tag' }).click();
    await body.getByText('Processo ${processo.numeracao.numero}').waitFor();

    const typo = ' e ${processo.numero}';
    await page.keyboard.type(typo);
    await page
      .getByRole('status')
      .getByText(/tag desconhecida \$\{processo\.numero\} na posição \d+/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Salvar modelo' }).isDisabled()).toBe(true);
    await web.shot(page, '52-template-unknown-tag');
    for (let i = 0; i < typo.length; i++) await page.keyboard.press('Backspace');
    await page.getByText('Todas as tags são homologadas.').waitFor();

    await page.getByLabel('Número do processo', { exact: true }).fill(process.number);
    await page.getByRole('button', { name: 'Pré-visualizar', exact: true }).click();
    await page
      .frameLocator('iframe[title="Pré-visualização"]')
      .getByText(`Processo ${process.number}`, { exact: true })
      .waitFor();
    await web.shot(page, '53-template-editor');
    await page.getByRole('button', { name: 'Salvar modelo' }).click();
    await page.getByText('Modelo salvo (versão 1).').waitFor();
    await page.getByRole('link', { name: 'Notificação ao interessado', exact: true }).waitFor();

    const list = await t.http().get('/api/v1/templates').auth(token, { type: 'bearer' }).expect(200);
    const saved = list.body.items.find((i: { name: string }) => i.name === 'Notificação ao interessado');
    const template = await t.http().get(`/api/v1/templates/${saved.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(template.body.body).toContain('Processo ${processo.numeracao.numero}');
    expect(template.body.body).not.toContain('processo.numero}');
  });

  it('previews a template against the process and renders it into a draft', async () => {
    await page.getByRole('link', { name: 'Acervo', exact: true }).click();
    await page.getByRole('link', { name: process.number }).click();
    await page.getByRole('button', { name: 'Minuta de modelo' }).click();
    await page.getByRole('combobox', { name: 'Modelo' }).click();
    await page.getByRole('option', { name: 'Despacho de instauração' }).click();
    const preview = page.frameLocator('iframe[title="Pré-visualização neste processo"]');
    await preview.getByText(`Processo ${process.number} (Notícia de Fato).`).waitFor();
    await preview.getByText(/^Arapiraca\/AL, \d{1,2} de \w+ de \d{4}\.$/).waitFor();
    await web.shot(page, '50-template-preview');
    await page.getByRole('button', { name: 'Criar minuta' }).click();
    await page.getByRole('heading', { name: 'Despacho de instauração' }).waitFor();
    await page
      .getByRole('textbox', { name: 'Conteúdo' })
      .getByText(`Processo ${process.number} (Notícia de Fato).`)
      .waitFor();
    await page.getByRole('button', { name: 'Assinar' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Assinar' }).click();
    await page
      .getByText(/Assinado em/)
      .first()
      .waitFor();
  });

  it('previews the month’s RAF a page of events at a time, exports and downloads it, then warns of a re-export', async () => {
    const month = new Date().toISOString().slice(0, 7);
    // More events than a page holds (50): the priority marked and removed, 25 times each.
    const auth = { type: 'bearer' as const };
    let { version } = (await t.http().get(`/api/v1/processes/${process.id}`).auth(token, auth).expect(200)).body;
    for (let i = 0; i < 50; i++) {
      const toggled = await t
        .http()
        .post(`/api/v1/processes/${process.id}/priority`)
        .auth(token, auth)
        .send({ version, priority: i % 2 === 0 })
        .expect(200);
      version = toggled.body.version;
    }
    await page.getByRole('link', { name: 'RAF' }).click();
    await page.getByLabel('Competência').fill(month);
    await page.getByRole('button', { name: 'Pré-visualizar' }).click();
    const summary = page.getByRole('status').filter({ hasText: /\d+ movimentos/ });
    await summary.waitFor();
    const total = Number((await summary.textContent())!.match(/(\d+) movimentos/)![1]);
    expect(total).toBeGreaterThan(50);
    const eventCells = page.getByRole('cell', { name: process.number, exact: true });
    await eventCells.nth(49).waitFor();
    expect(await eventCells.count()).toBe(50);
    await page.getByRole('button', { name: `Mais movimentos (50 de ${total} mostrados)` }).click();
    await eventCells.nth(total - 1).waitFor();
    expect(await eventCells.count()).toBe(total);
    await page.getByRole('button', { name: /^Mais movimentos/ }).waitFor({ state: 'detached' });
    await page.getByLabel('Dia').fill(`${month}-03`);
    await page.getByRole('combobox', { name: 'Tipo' }).click();
    await page.getByRole('option').first().click();
    await page.getByLabel('Descrição').fill('Reunião com o Conselho Tutelar');
    await page.getByRole('button', { name: 'Registrar atividade' }).click();
    await page.getByRole('cell', { name: 'Reunião com o Conselho Tutelar' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 atividades' }).waitFor();
    await web.shot(page, '51-raf-preview');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar e baixar XML' }).click(),
    ]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('urn:acervo:raf:1');
    expect(xml).toContain(process.number);
    expect(xml).toContain('Reunião com o Conselho Tutelar');
    await page.getByText(/^Arquivo exportado \(SHA-256/).waitFor();

    await page.getByRole('button', { name: 'Pré-visualizar' }).click();
    await page.getByText(/já foi exportado/).waitFor();
  });
});
