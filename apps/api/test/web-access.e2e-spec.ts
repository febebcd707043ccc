import type { Browser, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * Explicit permissions in the web client, in Chromium against the real API: a member
 * finds a user of another unit in the directory and allows it on a sealed (level 1)
 * process, which that user then sees in full — the rule included is highlighted and
 * written only when saved, then marked in the list; a document raised above its process's
 * level; a block rule over the documents of one level.
 */
describe('web client: permissions and denials (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let outsider: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  let process: { id: string; number: string };
  let memberToken: string;

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    const flow = new AuthFlow(t);
    const unit = await createUnit(t);
    const other = await createUnit(t, { name: 'Promotoria de Justiça de Penedo' });
    const member = await createUser(t, { profile: 'MEMBER', unitId: unit.id, secretaria: true });
    const { secret } = await flow.enroll(member.username, member.password, member.email);
    const token = (await flow.signIn(member.username, member.password, secret)).accessToken;
    memberToken = token;
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: other.id });
    process = (
      await t
        .http()
        .post('/api/v1/processes')
        .auth(token, { type: 'bearer' })
        .send({ unitId: unit.id, classCode: 'NF', subjectCode: '10011', summary: 'Apuração sigilosa', secrecyLevel: 1 })
        .expect(201)
    ).body;

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

  const outsiderView = () => t.http().get(`/api/v1/processes/${process.id}`).auth(outsider.token, { type: 'bearer' });

  it('allows a user of another unit, who then sees the process in full', async () => {
    await outsiderView().expect(404);
    await page.goto(`${base}/processos/${process.id}`);
    await page.getByRole('tab', { name: 'Acesso' }).click();
    await page.getByText('Nenhuma permissão ou negação explícita.').waitFor();
    await page
      .getByLabel('Buscar pelo nome (3 letras ou mais)')
      .pressSequentially(outsider.fullName.slice(-8), { delay: 20 });
    await page
      .getByRole('option', { name: new RegExp(`${outsider.fullName} \\(Promotoria de Justiça de Penedo\\)`) })
      .click();
    await page.getByLabel('Justificativa').fill('Atuação conjunta com a PJ de Penedo');
    await page.getByRole('button', { name: 'Incluir na lista' }).click();
    const pending = page.getByRole('region', { name: 'Autorizações ainda não salvas' });
    await pending.getByRole('row').filter({ hasText: outsider.fullName }).waitFor();
    await web.shot(page, '59-access-pending');
    await outsiderView().expect(404); // included, not saved: nothing written yet
    await page.getByRole('button', { name: 'Salvar', exact: true }).click();
    await pending.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: outsider.fullName });
    await row.getByText('Nova').waitFor();
    await row.getByText('Permitir').waitFor();
    await web.shot(page, '60-access-granted');

    const view = await outsiderView().expect(200);
    expect(view.body).toMatchObject({ visibility: 'full', number: process.number, summary: 'Apuração sigilosa' });
  });

  it('removes the rule, and the process is sealed to that user again', async () => {
    const row = page.getByRole('row').filter({ hasText: outsider.fullName });
    await row.getByRole('button', { name: 'Remover' }).click();
    await page.getByText('Nenhuma permissão ou negação explícita.').waitFor();
    await outsiderView().expect(404);
  });

  it('raises a document above its process’s level', async () => {
    const draft = await t
      .http()
      .post(`/api/v1/processes/${process.id}/documents`)
      .auth(memberToken, { type: 'bearer' })
      .send({ typeCode: 'DESPACHO', title: 'Despacho reservado', content: '<p>Texto.</p>' })
      .expect(201);
    await page.reload();
    await page.getByRole('tab', { name: /Documentos/ }).click();
    const row = page.getByRole('row').filter({ hasText: 'Despacho reservado' });
    await row.getByText('Nível 1 — segredo de justiça').waitFor();
    await row.getByRole('button', { name: 'Nível' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Nível de sigilo' }).click();
    await page.getByRole('option', { name: '3 — sigiloso' }).click();
    await dialog.getByLabel('Justificativa').fill('Dados bancários de terceiro');
    await dialog.getByRole('button', { name: 'Alterar nível' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Nível 3 — sigiloso').waitFor();
    const doc = await t
      .http()
      .get(`/api/v1/documents/${draft.body.id}`)
      .auth(memberToken, { type: 'bearer' })
      .expect(200);
    expect(doc.body.secrecyLevel).toBe(3);
  });

  it('allows a user on the documents of one level, in one block rule', async () => {
    const post = (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(memberToken, { type: 'bearer' }).send(body);
    const second = await post(`/processes/${process.id}/documents`, {
      typeCode: 'DESPACHO',
      title: 'Ofício reservado',
      content: '<p>Texto.</p>',
    }).expect(201);
    await post(`/documents/${second.body.id}/secrecy`, { version: second.body.version, level: 3 }).expect(200);
    await page.reload();
    await page.getByRole('tab', { name: /Documentos/ }).click();
    const block = page.getByRole('button', { name: 'Permitir/Negar em bloco' });
    const choose = (title: string) => page.getByRole('row').filter({ hasText: title }).getByRole('checkbox').check();
    await choose('Despacho reservado');
    await choose('Ofício reservado');
    await block.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('2 documento(s) de nível 3').waitFor();
    await dialog
      .getByLabel('Buscar pelo nome (3 letras ou mais)')
      .pressSequentially(outsider.fullName.slice(-8), { delay: 20 });
    await page.getByRole('option', { name: new RegExp(outsider.fullName) }).click();
    await dialog.getByRole('button', { name: 'Incluir na lista' }).click();
    await dialog.getByRole('row').filter({ hasText: outsider.fullName }).waitFor();
    await web.shot(page, '61-access-block');
    await dialog.getByRole('button', { name: 'Salvar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const rules = await t
      .http()
      .get(`/api/v1/processes/${process.id}/permissions`)
      .auth(memberToken, { type: 'bearer' })
      .expect(200);
    expect(rules.body.items).toEqual([
      expect.objectContaining({ on: 'DOCUMENT', subjectId: outsider.id, effect: 'ALLOW', level: 3 }),
      expect.objectContaining({ on: 'DOCUMENT', subjectId: outsider.id, effect: 'ALLOW', level: 3 }),
    ]);
  });

  it('offers no block rule over documents of different levels', async () => {
    const draft = await t
      .http()
      .post(`/api/v1/processes/${process.id}/documents`)
      .auth(memberToken, { type: 'bearer' })
      .send({ typeCode: 'DESPACHO', title: 'Despacho comum', content: '<p>Texto.</p>' })
      .expect(201);
    expect(draft.body.secrecyLevel).toBe(1);
    await page.reload();
    await page.getByRole('tab', { name: /Documentos/ }).click();
    await page.getByRole('row').filter({ hasText: 'Despacho comum' }).getByRole('checkbox').check();
    await page.getByRole('row').filter({ hasText: 'Ofício reservado' }).getByRole('checkbox').check();
    await page.getByText('Permissão em bloco só para documentos do mesmo nível de sigilo.').waitFor();
    expect(await page.getByRole('button', { name: 'Permitir/Negar em bloco' }).isDisabled()).toBe(true);
  });
});
