import type { Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import type { TestApp } from './support/test-app';
import { signedInPage, startWebClientTest, type WebClientTest } from './support/web-client';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/**
 * Documentos avulsos in Chromium against the real API: Protocolo registers a typed reply
 * (correcting its title) and a scanned one, addressed to a promotoria; there they wait on their own page, and
 * the process takes them in from the Operações menu — one for good (Inserir documentos),
 * the other as a draft (Vincular minuta).
 */
describe('web client: standalone documents (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let flow: AuthFlow;
  let unit: { id: string; code: string };
  let receptionist: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  let member: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  let process: { id: string; number: string };

  const get = (path: string) => t.http().get(`/api/v1${path}`).auth(member.token, { type: 'bearer' }).expect(200);

  beforeAll(async () => {
    web = await startWebClientTest();
    t = web.t;
    flow = new AuthFlow(t);
    unit = await createUnit(t);
    const desk = await createUnit(t, { kind: 'PROTOCOL' });
    receptionist = await flow.signedInUser({ profile: 'PROTOCOL', unitId: desk.id });
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id, secretaria: true });
    process = (
      await t
        .http()
        .post('/api/v1/processes')
        .auth(member.token, { type: 'bearer' })
        .send({ unitId: unit.id, classCode: 'NF', subjectCode: '10011', summary: 'Merenda escolar vencida' })
        .expect(201)
    ).body;
  });

  afterAll(() => web?.close());

  async function openStandalone(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'Documentos avulsos', exact: true }).click();
    await page.getByRole('heading', { name: 'Documentos avulsos', exact: true }).waitFor();
  }

  it('lets Protocolo register a typed reply and a scanned one for a promotoria', async () => {
    const page = await signedInPage(web, flow, receptionist);
    await openStandalone(page);
    const register = async (title: string, content: (page: Page) => Promise<void>) => {
      await page.getByRole('combobox', { name: 'Órgão destinatário', exact: true }).click();
      await page.locator('.p-select-overlay .p-select-filter').last().fill(unit.code);
      await page.getByRole('option', { name: new RegExp(`^${unit.code} — `) }).click();
      await page.getByRole('combobox', { name: 'Tipo', exact: true }).click();
      await page.getByRole('option', { name: 'Petição', exact: true }).click();
      await content(page);
      await page.getByLabel('Título', { exact: true }).fill(title);
      await page.getByRole('button', { name: 'Registrar documento avulso' }).click();
      await page.getByRole('button', { name: `Visualizar: ${title}` }).waitFor();
    };
    await register('Resposta da Secretaria de Educacao', (p) =>
      p.getByRole('textbox', { name: 'Conteúdo' }).fill('Informamos que os lotes foram recolhidos.'),
    );
    // Its author corrects the title while it waits.
    await page.getByRole('link', { name: 'Editar: Resposta da Secretaria de Educacao' }).click();
    // The list has a "Título" field too: the editor's own heading first.
    await page.getByRole('heading', { name: 'Resposta da Secretaria de Educacao', exact: true }).waitFor();
    await page.getByText('Aguardando um processo', { exact: true }).waitFor();
    await page.getByLabel('Título', { exact: true }).fill('Resposta da Secretaria de Educação');
    await page.getByRole('button', { name: 'Salvar minuta' }).click();
    await page.getByRole('heading', { name: 'Resposta da Secretaria de Educação', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Voltar aos documentos avulsos' }).click();
    await page.getByRole('heading', { name: 'Novo documento avulso' }).waitFor();
    await register('Laudo da Vigilância Sanitária', (p) =>
      p
        .getByLabel('Arquivo PDF (em vez do texto)')
        .setInputFiles({ name: 'laudo.pdf', mimeType: 'application/pdf', buffer: PDF }),
    );
    await web.shot(page, '90-standalone-protocol');

    const waiting = (await get(`/documents/standalone?unitId=${unit.id}`)).body.items;
    expect(waiting).toEqual([
      expect.objectContaining({ title: 'Laudo da Vigilância Sanitária', format: 'PDF', typeCode: 'PETICAO' }),
      expect.objectContaining({ title: 'Resposta da Secretaria de Educação', format: 'HTML' }),
    ]);
    await page.context().close();
  });

  it('lets the promotoria read them and take them in: one for good, the other as a draft', async () => {
    const page = await signedInPage(web, flow, member);
    await openStandalone(page);
    await page.getByRole('button', { name: 'Visualizar: Resposta da Secretaria de Educação' }).click();
    const viewer = page.getByRole('dialog', { name: 'Resposta da Secretaria de Educação' });
    await viewer.frameLocator('iframe').getByText('Informamos que os lotes foram recolhidos.').waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    const operate = async (operation: string) => {
      await page.goto(`${web.base}/busca?q=${process.number}`);
      await page.getByRole('heading', { name: `Processo ${process.number}` }).waitFor();
      await page.getByRole('button', { name: 'Operações' }).click();
      await page.getByRole('menuitem', { name: operation, exact: true }).click();
      return page.getByRole('dialog');
    };
    let dialog = await operate('Inserir documentos');
    // PrimeVue's MultiSelect opens from its focused input by keyboard (its label covers it
    // for the mouse); it is disabled until the waiting documents are read, and focus() does
    // not wait for that.
    await dialog.locator('#op-standalone:not([disabled])').waitFor();
    await dialog.getByRole('combobox', { name: 'Documentos avulsos a juntar' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: /^Resposta da Secretaria de Educação — Petição/ }).click();
    await page.keyboard.press('Escape');
    await web.shot(page, '91-standalone-insert');
    await dialog.getByRole('button', { name: 'Inserir documentos' }).click();
    await dialog.waitFor({ state: 'detached' });

    dialog = await operate('Vincular minuta');
    await dialog.getByRole('combobox', { name: 'Documento avulso', exact: true }).click();
    // The one inserted waits no more: only the scanned reply is offered.
    await page.getByRole('option', { name: /^Laudo da Vigilância Sanitária — Petição/ }).waitFor();
    expect(await page.getByRole('option').allTextContents()).toEqual([
      expect.stringMatching(/^Laudo da Vigilância Sanitária — Petição/),
    ]);
    await page.getByRole('option', { name: /^Laudo da Vigilância Sanitária/ }).click();
    await dialog.getByRole('button', { name: 'Vincular minuta' }).click();
    await dialog.waitFor({ state: 'detached' });

    const documents = (await get(`/processes/${process.id}/documents`)).body.items;
    expect(documents).toEqual([
      expect.objectContaining({ title: 'Resposta da Secretaria de Educação', status: 'SIGNED', signedBy: member.id }),
      expect.objectContaining({ title: 'Laudo da Vigilância Sanitária', status: 'DRAFT', format: 'PDF' }),
    ]);
    expect((await get(`/documents/standalone?unitId=${unit.id}`)).body.items).toEqual([]);
    // The empty table shows before the list is read too: its answer first.
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/documents/standalone');
    await openStandalone(page);
    expect((await (await listed).json()).items).toEqual([]);
    await page.getByText('Nenhum documento avulso aguardando.').waitFor();
    await page.context().close();
  });
});
