import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Signed = Awaited<ReturnType<AuthFlow['signedInUser']>>;

/** An uploaded document: two pages of real text, as a scanner or a word processor would give. */
async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (const n of [1, 2]) pdf.addPage().drawText(`OFICIO-RECEBIDO-PAGINA-${n}`, { x: 60, y: 700, font, size: 18 });
  return Buffer.from(await pdf.save());
}
/** Starts like a PDF (so the upload takes it) but has no pages to bind. */
const DAMAGED_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

const RICH = `<h1>Portaria de instauração</h1>
<p class="text-justify">O <strong>Ministério Público</strong>, por seu <em>Promotor de Justiça</em>, resolve
<u>instaurar</u> o procedimento: ação nº 1 — “teste” 😀.</p>
<ul><li><p>PRIMEIRO-ITEM</p></li><li>segundo</li></ul>
<table><tr><th>Nome</th><th>Papel</th></tr><tr><td>CELULA-MARIA</td><td>Vítima</td></tr></table>
<p>linha um<br>LINHA-DOIS</p>`;

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The PDF's text, page by page (poppler's pdftotext), after qpdf found its structure sound. */
function pdfPages(pdf: Buffer): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-')), 'autos.pdf');
  writeFileSync(file, pdf);
  execFileSync('qpdf', ['--check', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8').split('\f').slice(0, -1);
}

describe('the whole process as PDF and HTML (autos)', () => {
  let t: TestApp;
  let db: DataSource;
  let member: Signed;
  let intern: Signed;
  let outsider: Signed;
  let principal: { id: string; number: string };
  let secondary: { id: string; number: string };

  const as = (user: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body),
    upload: (path: string) => t.http().post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).auth(user.token, { type: 'bearer' }),
  });
  const pdfOf = async (user: Signed, id: string) =>
    (await as(user).get(`/processes/${id}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
  const htmlOf = async (user: Signed, id: string) => (await as(user).get(`/processes/${id}/html`).expect(200)).text;

  const register = async (summary: string, parties: object[] = [], secrecyLevel = 1) =>
    (
      await as(member)
        .post('/processes', {
          unitId: (await db.query(`SELECT unit_id FROM assignments WHERE user_id = $1`, [member.id]))[0].unit_id,
          classCode: 'IC',
          subjectCode: '10011',
          summary,
          secrecyLevel,
          responsibleMemberId: member.id,
          parties,
        })
        .expect(201)
    ).body as { id: string; number: string };
  const sign = (id: string) => as(member).post(`/documents/${id}/sign`, { version: 1 }).expect(200);
  const signedHtml = async (processId: string, title: string, content: string, secrecyLevel?: number) => {
    const doc = (
      await as(member)
        .post(`/processes/${processId}/documents`, { typeCode: 'DESPACHO', title, content, secrecyLevel })
        .expect(201)
    ).body;
    await sign(doc.id);
    return doc.id as string;
  };
  const signedPdf = async (processId: string, title: string, file: Buffer) => {
    const doc = (
      await as(member)
        .upload(`/processes/${processId}/documents/upload`)
        .field('typeCode', 'OFICIO')
        .field('title', title)
        .attach('file', file, { filename: 'f.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body;
    await sign(doc.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const flow = new AuthFlow(t);
    const unit = await createUnit(t);
    const other = await createUnit(t);
    member = await flow.signedInUser({ profile: 'MEMBER', unitId: unit.id, secretaria: true });
    intern = await flow.signedInUser({ profile: 'INTERN', unitId: unit.id, secretaria: true });
    outsider = await flow.signedInUser({ profile: 'MEMBER', unitId: other.id });

    principal = await register('Apuração de irregularidades na merenda', [
      { name: 'Maria <Denunciante> da Silva', type: 'Representante' },
      { name: 'Criança Protegida', type: 'Vítima', secret: true },
    ]);
    await signedHtml(principal.id, 'Portaria de instauração', RICH);
    await signedPdf(principal.id, 'Ofício recebido', await twoPagePdf());
    await signedPdf(principal.id, 'Ofício danificado', DAMAGED_PDF);
    await signedHtml(principal.id, 'Relatório reservado', '<p>SEGREDO-NIVEL-2</p>', 2);
    await as(member)
      .post(`/processes/${principal.id}/documents`, {
        typeCode: 'DESPACHO',
        title: 'Minuta em aberto',
        content: '<p>MINUTA-NAO-ASSINADA</p>',
      })
      .expect(201);

    const trashed = await signedHtml(principal.id, 'Documento descartado', '<p>NA-LIXEIRA</p>');
    await as(member).delete(`/documents/${trashed}`).expect(204);

    const attach = async (id: string) => {
      const { version } = (await as(member).get(`/processes/${id}`).expect(200)).body;
      await as(member).post(`/processes/${id}/attach`, { version, principalId: principal.id }).expect(200);
    };
    secondary = await register('Representação conexa');
    await signedHtml(secondary.id, 'Termo <script>alert(1)</script> do anexo', '<p>CONTEUDO-DO-ANEXO</p>');
    await attach(secondary.id);
    const reserved = await register('Apenso reservado', [], 2);
    await signedHtml(reserved.id, 'Termo reservado', '<p>CONTEUDO-DO-RESERVADO</p>');
    await attach(reserved.id);
  }, 120_000);

  afterAll(() => t?.close());

  it('binds cover, events and every signed document the member sees, attached process included, folio on every page', async () => {
    const res = await as(member).get(`/processes/${principal.id}/pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="processo-${principal.number}.pdf"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const pages = pdfPages(res.body as Buffer);
    const text = pages.join('\n');

    expect(pages[0]).toContain(`Processo ${principal.number}`);
    expect(pages[0]).toContain('Maria <Denunciante> da Silva — Representante');
    expect(pages[0]).toContain('Criança Protegida — Vítima');
    expect(pages[0]).toMatch(/1\. Portaria de instauração — Despacho · assinado por .* em \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(text).toContain('Movimentos');
    for (const expected of [
      'Ministério Público',
      'resolve instaurar o procedimento',
      '“teste” ?', // the emoji has no glyph in the standard fonts
      'PRIMEIRO-ITEM',
      'CELULA-MARIA',
      'OFICIO-RECEBIDO-PAGINA-1',
      'OFICIO-RECEBIDO-PAGINA-2',
      'Este PDF não pôde ser incorporado',
      'SEGREDO-NIVEL-2',
      `Processo ${secondary.number}`,
      `Anexado — parte dos autos do processo ${principal.number}`,
      'CONTEUDO-DO-ANEXO',
      'CONTEUDO-DO-RESERVADO',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/linha um\s*\n\s*LINHA-DOIS/);
    expect(text).not.toContain('MINUTA-NAO-ASSINADA');
    expect(text).not.toContain('NA-LIXEIRA');
    expect(text).not.toContain('Documento descartado');
    // The uploaded pages keep their order; the attached process comes after the principal's documents.
    expect(text.indexOf('OFICIO-RECEBIDO-PAGINA-1')).toBeLessThan(text.indexOf('OFICIO-RECEBIDO-PAGINA-2'));
    expect(text.indexOf('SEGREDO-NIVEL-2')).toBeLessThan(text.indexOf('CONTEUDO-DO-ANEXO'));
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`Processo [\\d.]+ · fl\\. ${i + 1}\\s*$`)));
  });

  it('leaves out, document by document, what the viewer may not see — and logs the read of each process', async () => {
    const text = pdfPages(await pdfOf(intern, principal.id)).join('\n');
    expect(text).toContain('OFICIO-RECEBIDO-PAGINA-2');
    expect(text).toContain('CONTEUDO-DO-ANEXO');
    expect(text).not.toContain('SEGREDO-NIVEL-2');
    expect(text).not.toContain('Relatório reservado');
    // An attached process the intern may not see in full is not in the intern's autos.
    expect(text).not.toContain('CONTEUDO-DO-RESERVADO');
    expect(text).not.toContain('Apenso reservado');
    const logged = await db.query(
      `SELECT process_id, how FROM access_log WHERE user_id = $1 AND how = 'PDF' ORDER BY process_id`,
      [intern.id],
    );
    expect(logged.map((r: { process_id: string }) => r.process_id).sort()).toEqual([principal.id, secondary.id].sort());
  });

  it('answers 404 (problem+json) to whoever may not see the process, as for none, and logs nothing', async () => {
    for (const path of ['pdf', 'html']) {
      const res = await as(outsider).get(`/processes/${principal.id}/${path}`).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      await as(member).get(`/processes/00000000-0000-4000-8000-000000000000/${path}`).expect(404);
      await as(member).get(`/processes/not-a-uuid/${path}`).expect(400);
    }
    expect(await db.query(`SELECT 1 FROM access_log WHERE user_id = $1`, [outsider.id])).toEqual([]);
    await t.http().get(`/api/v1/processes/${principal.id}/pdf`).expect(401);
  });

  it('gives the same content as one inert HTML page: text escaped, rich text sanitised, PDFs named', async () => {
    const res = await as(member).get(`/processes/${principal.id}/html`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'; style-src 'unsafe-inline'");
    const html = res.text;
    expect(html).toContain('Maria &lt;Denunciante&gt; da Silva');
    expect(html).toContain('<strong>Ministério Público</strong>');
    expect(html).toContain('Ofício recebido');
    expect(html).toContain('Documento em PDF');
    expect(html).toContain('SEGREDO-NIVEL-2');
    expect(html).toContain('CONTEUDO-DO-ANEXO');
    expect(html).not.toContain('MINUTA-NAO-ASSINADA');
    expect(html).not.toContain('NA-LIXEIRA');
    expect(html).toContain('Termo &lt;script&gt;alert(1)&lt;/script&gt; do anexo');
    expect(html).not.toContain('<script');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html.endsWith('</body></html>')).toBe(true);

    const forIntern = await htmlOf(intern, principal.id);
    expect(forIntern).not.toContain('SEGREDO-NIVEL-2');
    expect(forIntern).not.toContain('Relatório reservado');
  });

  it('writes a long history in batches, every event once and in order', async () => {
    const p = await register('Processo de longa tramitação');
    const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM process_events WHERE process_id = $1`, [
      p.id,
    ]);
    await db.query(
      `INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details, document_ids)
       SELECT p.id, p.event_count + k, '900006', $2, p.unit_id, now(), '{}', '{}'
         FROM processes p CROSS JOIN generate_series(1, 1234) k WHERE p.id = $1`,
      [p.id, member.id],
    );
    const html = await htmlOf(member, p.id);
    const sequences = [...html.matchAll(/<tr><td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(sequences).toEqual(Array.from({ length: before + 1234 }, (_, i) => i + 1));
    const text = pdfPages(await pdfOf(member, p.id)).join('\n');
    expect(text).toMatch(new RegExp(`\\n\\s*${before + 1234}\\s+\\d\\d/`));
  });
});
