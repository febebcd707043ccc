import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import type { TestApp } from './support/test-app';
import { startWebClientTest, type WebClientTest } from './support/web-client';

/**
 * A member's first day in the web client, in Chromium against the real API: enrollment
 * with the QR page, the activation mail, a trusted browser, the inbox, a draft written and
 * signed, and the process concluded to a colleague.
 */
describe('web client: a day at the office (SPA in Chromium)', () => {
  let web: WebClientTest;
  let t: TestApp;
  let flow: AuthFlow;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Awaited<ReturnType<typeof createUser>>;
  let colleague: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  let clerk: Awaited<ReturnType<AuthFlow['signedInUser']>>;
  const processes: { id: string; number: string }[] = [];

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
  });
  /** Opens a select, narrows it by its filter box, and picks the option. */
  async function choose(combobox: string, filter: string, option: RegExp): Promise<void> {
    await page.getByRole('combobox', { name: combobox }).click();
    await page.locator('.p-select-overlay .p-select-filter').last().fill(filter);
    await page.getByRole('option', { name: option }).click();
  }
  const shot = (name: string) => web.shot(page, name);

  beforeAll(async () => {
    web = await startWebClientTest();
    ({ t, base, browser } = web);
    flow = new AuthFlow(t);
    const unit = await createUnit(t, { name: '58ª Promotoria de Justiça da Capital' });
    colleague = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
    clerk = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unit.id,
      secretaria: true,
      linkedMemberId: colleague.id,
    });
    member = await createUser(t, { profile: 'MEMBER', unitId: unit.id, username: 'helena.prado' });

    const summaries = [
      'Irregularidades na merenda escolar do município de Arapiraca',
      'Falta de medicamentos na unidade básica de saúde do bairro Jacintinho',
      'Obra de pavimentação paralisada na rodovia AL-101 Norte',
      'Denúncia de poluição sonora em estabelecimento comercial',
    ];
    for (const [i, summary] of summaries.entries()) {
      const created = await as(clerk)
        .post('/processes', {
          unitId: unit.id,
          classCode: 'NF',
          subjectCode: '10011',
          summary,
          parties: [
            { name: 'Conselho Municipal de Saúde', type: 'Representante' },
            { name: 'Criança Protegida', type: 'Vítima', secret: true },
          ],
        })
        .expect(201);
      let version = created.body.version as number;
      if (i === 1) {
        await as(clerk).post(`/processes/${created.body.id}/priority`, { version, priority: true }).expect(200);
        version += 1;
      }
      await as(clerk).post(`/processes/${created.body.id}/conclude`, { version, userId: member.id }).expect(200);
      processes.push(created.body);
    }

    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-BR' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(() => web?.close());

  it('enrolls 2FA on first sign-in: QR page, code and e-mail, activation link, recovery codes', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Entrar no Acervo' }).waitFor();
    await shot('01-sign-in');
    await page.getByLabel('Usuário ou CPF').fill(member.username);
    await page.getByLabel('Senha', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Entrar' }).click();

    await page.getByRole('heading', { name: 'Cadastro do 2FA' }).waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = await page.getByLabel('Chave para digitar no celular').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot('02-enrollment');
    t.smtp.clear();
    await page.getByLabel('Código').fill(flow.code(secret));
    await page.getByLabel('E-mail').fill(member.email);
    await page.getByRole('button', { name: 'Enviar link de ativação' }).click();
    await page.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();
    await shot('03-check-mail');

    const mail = await t.smtp.waitForMailTo(member.email);
    const link = new URL(/https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(mail.text)![0]);
    await page.goto(`${base}${link.pathname}${link.hash}`);
    await page.getByText('Autenticação em dois fatores ativada.').waitFor();
    expect(await page.getByRole('listitem').count()).toBe(10);
    await shot('04-activated');
    (member as { secret?: string }).secret = secret;
  });

  it('asks for the code, hints at the clock on a wrong one, and releases this browser', async () => {
    const secret = (member as { secret?: string }).secret!;
    await page.goto(`${base}/entrar`);
    await page.getByLabel('Usuário ou CPF').fill(member.username);
    await page.getByLabel('Senha', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Código de autenticação' }).waitFor();
    await page.getByLabel('Código', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('alert').filter({ hasText: 'data e a hora do celular' }).waitFor();
    await shot('05-code-wrong');

    flow.nextStep();
    await page.getByLabel('Código', { exact: true }).fill(flow.code(secret));
    await page.getByLabel('Não usar o 2FA neste dispositivo e navegador').check();
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  it('shows the inbox with counts, priority and secrecy marks, and pages by cursor', async () => {
    const inbox = page.getByRole('navigation', { name: 'Caixas' }).getByRole('link', { name: /Caixa de entrada/ });
    await inbox.getByText('4').waitFor();
    for (const p of processes) await page.getByRole('link', { name: p.number }).waitFor();
    const first = page.getByRole('row').nth(1);
    await first.getByText('Prioridade').waitFor();
    await first.getByRole('link', { name: processes[1].number }).waitFor();
    expect(await page.getByRole('button', { name: 'Próxima página' }).isDisabled()).toBe(true);
    await page.locator('.p-datatable-mask').waitFor({ state: 'detached' });
    await shot('06-inbox');

    await page.getByLabel('Número').fill(processes[2].number.slice(-6));
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('1 no total').waitFor();
    await page.getByRole('button', { name: 'Limpar' }).click();
    await page.getByText('4 no total').waitFor();
  });

  it('fits a tablet: the boxes fold into a panel opened from the header', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    const boxes = page.getByRole('navigation', { name: 'Caixas' });
    await boxes.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Caixas' }).click();
    await boxes.getByRole('link', { name: /Conclusos/ }).click();
    await page.getByRole('heading', { name: 'Conclusos' }).waitFor();
    await boxes.waitFor({ state: 'hidden' });
    await shot('06b-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: /Caixa de entrada/ }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  it('signs in again on the released browser with the password alone', async () => {
    await page.getByRole('button', { name: /Usuário de Teste/ }).click();
    await page.getByRole('menuitem', { name: 'Sair' }).click();
    await page.getByRole('heading', { name: 'Entrar no Acervo' }).waitFor();
    await page.getByLabel('Usuário ou CPF').fill(member.username);
    await page.getByLabel('Senha', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  it('registers a process, then finds it by the words of its summary', async () => {
    await page.getByRole('button', { name: 'Novo processo' }).click();
    await page.getByRole('heading', { name: 'Registrar processo' }).waitFor();
    await page.getByRole('combobox', { name: 'Classe' }).click();
    await page.getByRole('option', { name: /^NF — / }).click();
    await choose('Assunto', '10011', /^10011 — /);
    await page.getByLabel('Resumo').fill('Esgoto a céu aberto no loteamento Santa Lúcia');
    await page.getByLabel('Nome').fill('Associação de Moradores do Santa Lúcia');
    await page.getByLabel('Qualidade').fill('Representante');
    await page.locator('.p-select-overlay').waitFor({ state: 'detached' });
    await shot('06c-register');
    await page.getByRole('button', { name: 'Registrar' }).click();
    const heading = page.getByRole('heading', { name: /^Processo \d{3}\.\d{4}\.\d{6}$/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.replace('Processo ', '');
    await page.getByText('Na Secretaria').first().waitFor();

    await page.getByRole('searchbox', { name: 'Buscar processo' }).fill('loteamento Santa Lúcia');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('heading', { name: 'Busca: loteamento Santa Lúcia' }).waitFor();
    await page.getByRole('link', { name: number }).waitFor();
    await page.getByRole('searchbox', { name: 'Buscar processo' }).fill(processes[3].number);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('heading', { name: `Processo ${processes[3].number}` }).waitFor();
    await page.getByRole('link', { name: /Caixa de entrada/ }).click();
    await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
  });

  it('opens a process: cover, masked secret party, history; writes a draft and signs it', async () => {
    const p = processes[0];
    await page.getByRole('link', { name: p.number }).click();
    await page.getByRole('heading', { name: `Processo ${p.number}` }).waitFor();
    await page.getByText('Parte sigilosa').waitFor();
    expect(await page.getByText('Criança Protegida').count()).toBe(0);
    await shot('07-process');
    await page.getByRole('tab', { name: /Movimentos/ }).click();
    await page.getByText('Conclusão').first().waitFor();

    await page.getByRole('button', { name: 'Nova minuta' }).click();
    await page.getByRole('heading', { name: 'Nova minuta' }).waitFor();
    await page.getByLabel('Tipo').click();
    await page.getByRole('option', { name: 'Despacho' }).click();
    await page.getByLabel('Título').fill('Despacho inicial');
    await page.getByRole('textbox', { name: 'Conteúdo' }).fill('Oficie-se à Secretaria Municipal de Educação.');
    await page.getByRole('button', { name: 'Salvar minuta' }).click();
    await page.getByRole('heading', { name: 'Despacho inicial' }).waitFor();
    await shot('08-draft');
    await page.getByRole('button', { name: 'Assinar' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Assinar' }).click();
    await page
      .getByText(/Assinado em/)
      .first()
      .waitFor();

    const docs = await as(colleague).get(`/processes/${p.id}/documents`).expect(200);
    expect(docs.body.items).toEqual([
      expect.objectContaining({ title: 'Despacho inicial', status: 'SIGNED', signedBy: member.id }),
    ]);
    const content = await as(colleague).get(`/documents/${docs.body.items[0].id}/content`).expect(200);
    expect(content.text).toContain('Oficie-se à Secretaria Municipal de Educação.');
  });

  it('records a movement that refers to the signed document', async () => {
    const p = processes[0];
    await page.getByRole('link', { name: /Voltar ao processo/ }).click();
    await page.getByRole('heading', { name: `Processo ${p.number}` }).waitFor();
    await page.getByRole('button', { name: 'Operações' }).click();
    await page.getByRole('menuitem', { name: 'Movimentar' }).click();
    const dialog = page.getByRole('dialog');
    // Only movements a person records are offered: a distribution comes from distributing.
    await page.getByRole('combobox', { name: 'Movimento' }).click();
    const filter = page.locator('.p-select-overlay .p-select-filter').last();
    await filter.fill('920005');
    await page.locator('.p-select-overlay').getByText('Nenhum resultado').first().waitFor();
    expect(await page.getByRole('option', { name: /920005/ }).count()).toBe(0);
    await filter.fill('900031');
    await page.getByRole('option', { name: /900031/ }).click();
    await dialog.getByLabel('Complemento (o que ocorreu)').fill('Ofício expedido à Secretaria de Educação');
    // By keyboard, as a clerk who never leaves it would.
    await dialog.getByRole('combobox', { name: 'Documentos juntados a que se refere' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Despacho inicial' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Movimentar' }).click();
    await dialog.waitFor({ state: 'detached' });

    const events = await as(colleague).get(`/processes/${p.id}/events`).expect(200);
    expect(events.body.items.at(-1)).toMatchObject({
      code: '900031',
      details: expect.objectContaining({ description: 'Ofício expedido à Secretaria de Educação' }),
      documentIds: [expect.any(String)],
    });
  });

  it('takes its own Notícia de Fato by manual distribution', async () => {
    const p = processes[0];
    await page.getByRole('button', { name: 'Operações' }).click();
    await page.getByRole('menuitem', { name: 'Distribuir (manual)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Membro responsável' }).click();
    await page
      .getByRole('option', { name: /Usuário de Teste .* \(Membro\)/ })
      .filter({ hasText: member.fullName })
      .click();
    await dialog.getByRole('button', { name: 'Distribuir (manual)' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('definition').filter({ hasText: member.fullName }).first().waitFor();
    await page.getByRole('tab', { name: 'Distribuição' }).click();
    await page.getByRole('cell', { name: 'Manual' }).waitFor();
    await page.getByRole('tab', { name: 'Capa' }).click();
    const view = await as(colleague).get(`/processes/${p.id}`).expect(200);
    expect(view.body.responsibleMemberId).toBe(member.id);
  });

  it('concludes the process to a colleague from the operations menu', async () => {
    const p = processes[0];
    await page.getByRole('heading', { name: `Processo ${p.number}` }).waitFor();
    await page.getByRole('button', { name: 'Operações' }).click();
    await page.getByRole('menuitem', { name: 'Concluir' }).click();
    await page.getByLabel('Concluir para').click();
    await page.getByRole('option', { name: new RegExp(colleague.fullName) }).click();
    await shot('09-conclude');
    await page.getByRole('dialog').getByRole('button', { name: 'Concluir' }).click();
    await page.getByText(`Concluso — ${colleague.fullName}`).waitFor();

    const view = await as(colleague).get(`/processes/${p.id}`).expect(200);
    expect(view.body).toMatchObject({ location: 'CONCLUSO', holderId: colleague.id });
    await page.getByRole('link', { name: /Caixa de entrada/ }).click();
    await page.getByText('3 no total').waitFor();
  });

  it('lists the released browser and cancels it', async () => {
    await page.goto(`${base}/dispositivos`);
    await page.getByRole('heading', { name: 'Dispositivos liberados' }).waitFor();
    await page.getByRole('cell', { name: /HeadlessChrome|Chrome/ }).waitFor();
    await shot('10-devices');
    await page.getByRole('button', { name: 'Cancelar dispositivos liberados' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancelar dispositivos liberados' }).click();
    await page.getByText('Nenhum dispositivo liberado.').waitFor();
  });
});
