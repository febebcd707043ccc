import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/**
 * The front desk in the web client, in Chromium against the real API: a citizen's visit
 * registered, a document received, the attendance converted into a Notícia de Fato that
 * lands in the Secretaria box; the supplier report downloaded; the citizen's own
 * consultation without signing in.
 */
describe('web client: attendance and complaints (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let flow: AuthFlow;
  let base: string;
  let browser: Browser;
  let page: Page;
  let unit: { id: string };
  let clerk: Awaited<ReturnType<typeof createUser>> & { secret?: string };
  let protocol: string;
  let nfNumber: string;

  async function chooseSubject(): Promise<void> {
    await page.getByRole('combobox', { name: 'Assunto' }).click();
    await page.locator('.p-select-overlay .p-select-filter').last().fill('10011');
    await page.getByRole('option', { name: /^10011 — / }).click();
  }
  const shot = (name: string) => web.shot(page, name);

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    flow = new AuthFlow(t);
    unit = await createUnit(t, { name: 'Promotoria de Defesa do Consumidor' });
    const member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    clerk = await createUser(t, { profile: 'ANALYST', unitId: unit.id, secretaria: true, linkedMemberId: member.id });
    clerk.secret = (await flow.enroll(clerk.username, clerk.password, clerk.email)).secret;
    page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    ).newPage();
    page.setDefaultTimeout(15_000);

    await page.goto(`${base}/entrar`);
    await page.getByLabel('Usuário ou CPF').fill(clerk.cpf!);
    await page.getByLabel('Senha', { exact: true }).fill(clerk.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    flow.nextStep();
    await page.getByLabel('Código', { exact: true }).fill(flow.code(clerk.secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  afterAll(() => web?.close());

  it('registers a visit and gives its protocol, with a PDF the citizen handed in', async () => {
    await page.getByRole('link', { name: 'Atendimentos', exact: true }).click();
    await page.getByRole('button', { name: 'Novo atendimento' }).click();
    await page.getByRole('heading', { name: 'Novo atendimento' }).waitFor();
    await page.getByLabel('Nome da pessoa atendida').fill('Maria das Dores Silva');
    await page.getByLabel('CPF').fill('529.982.247-25');
    await page.getByLabel('Contato (telefone, e-mail, endereço)').fill('(82) 99999-0000');
    await chooseSubject();
    await page.getByLabel('Relato dos fatos').fill('A escola do bairro está sem merenda há três semanas.');
    await shot('20-attendance-new');
    await page.getByRole('button', { name: 'Registrar atendimento' }).click();
    const heading = page.getByRole('heading', { name: /^Atendimento \d{3}\.\d{4}\.A\d{6}$/ });
    await heading.waitFor();
    protocol = (await heading.textContent())!.replace('Atendimento ', '');

    await page
      .getByLabel('Arquivo PDF')
      .setInputFiles({ name: 'cardapio.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Anexar documento' }).click();
    await page.getByText('cardapio', { exact: false }).first().waitFor();
    await page.getByRole('listitem').filter({ hasText: 'cardapio' }).waitFor();
  });

  it('refuses an invalid CPF with the field named, and registers nothing', async () => {
    const count = async () => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM attendances`))[0].n;
    const before = await count();
    await page.getByRole('link', { name: 'Atendimentos', exact: true }).click();
    await page.getByRole('button', { name: 'Novo atendimento' }).click();
    await page.getByLabel('Nome da pessoa atendida').fill('Sem CPF válido');
    await page.getByLabel('CPF').fill('111.111.111-11');
    await chooseSubject();
    await page.getByLabel('Relato dos fatos').fill('Relato.');
    await page.getByRole('button', { name: 'Registrar atendimento' }).click();
    await page.getByRole('alert').filter({ hasText: 'personCpf: CPF inválido' }).waitFor();
    expect(await count()).toBe(before);
  });

  it('converts it into a Notícia de Fato, which lands in the Secretaria box', async () => {
    await page.getByRole('link', { name: 'Atendimentos', exact: true }).click();
    await page.getByRole('link', { name: protocol }).click();
    await page.getByRole('button', { name: 'Converter em Notícia de Fato' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Converter' }).click();
    const converted = page.getByText(/^Convertido em NF \d{3}\.\d{4}\.\d{6}$/);
    await converted.waitFor();
    nfNumber = (await converted.textContent())!.replace('Convertido em NF ', '');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot('21-attendance-converted');

    await page
      .getByRole('link', { name: /Secretaria/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Secretaria' }).waitFor();
    await page.getByRole('link', { name: nfNumber }).click();
    await page.getByRole('heading', { name: `Processo ${nfNumber}` }).waitFor();
    // The citizen is a secret party: named on request, never to the public.
    await page.getByText('Parte sigilosa').waitFor();
    await page.getByRole('tab', { name: /Documentos/ }).click();
    await page.getByRole('cell', { name: `Termo de atendimento ${protocol}` }).waitFor();
    await page.getByRole('cell', { name: 'cardapio' }).waitFor();
  });

  it('shows the complaints per supplier and downloads them as CSV', async () => {
    const token = (await flow.signIn(clerk.username, clerk.password, clerk.secret!)).accessToken;
    await t
      .http()
      .post('/api/v1/attendances')
      .auth(token, { type: 'bearer' })
      .send({
        unitId: unit.id,
        kind: 'COMPLAINT',
        personName: 'João Consumidor',
        personCpf: '111.444.777-35',
        subjectCode: '10011',
        account: 'Cobrança de serviço não contratado.',
        supplierCnpj: '11.222.333/0001-81',
        supplierName: 'Telefonia Exemplo S.A.',
        complaintCategory: 'COBRANCA_INDEVIDA',
      })
      .expect(201);
    await page.getByRole('link', { name: 'Reclamações por fornecedor' }).click();
    await page.getByRole('button', { name: 'Mostrar' }).click();
    await page.getByRole('cell', { name: 'Telefonia Exemplo S.A.' }).waitFor();
    await page.getByText('Cobrança indevida ou abusiva: 1').waitFor();
    await shot('22-complaints-report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Baixar CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('11222333000181;Telefonia Exemplo S.A.;1;');
  });

  it('lets the citizen follow it without signing in, by protocol and CPF only', async () => {
    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(`${base}/consulta/atendimento`);
    await citizen.getByLabel('Protocolo').fill(protocol);
    await citizen.getByLabel('CPF').fill('111.444.777-35');
    await citizen.getByRole('button', { name: 'Consultar' }).click();
    await citizen.getByRole('alert').filter({ hasText: 'Atendimento não encontrado' }).waitFor();
    await citizen.getByLabel('CPF').fill('52998224725');
    await citizen.getByRole('button', { name: 'Consultar' }).click();
    await citizen.getByText(/^Encaminhado/).waitFor();
    await citizen.getByRole('heading', { name: `Processo ${nfNumber}` }).waitFor();
    await citizen.getByText('Atendimento', { exact: false }).first().waitFor();
    await web.shot(citizen, '23-citizen-consultation');
    await citizen.close();
  });
});
