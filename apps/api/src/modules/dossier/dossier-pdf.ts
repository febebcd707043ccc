import { Logger } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { stampFooters } from '../../common/pdf/footer';
import { HtmlLayout } from '../../common/pdf/html-layout';
import { type BoundPart, PdfBinder } from '../../common/pdf/pdf-binder';
import { typeset } from '../../common/pdf/typeset';
import { winAnsi } from '../../common/pdf/win-ansi';
import type { EventDto } from '../processes/dto/process-view.dto';
import { attachedNote, coverFacts, documentLine, eventDocumentTitles, processTitle, scopeNote } from './dossier-format';
import type { DossierDocument, DossierProcess, DossierSource } from './dossier-reader';

const GREY = '#555555';

/**
 * The whole process as one PDF, written as it is made: for each process of the tree, a
 * cover (with the index of its documents), its events, then each signed document the viewer
 * may see — an uploaded PDF's own pages, a rich-text one typeset — every page stamped with
 * the process number and its folio. One part is in memory at a time.
 */
export async function* dossierPdf(source: DossierSource): AsyncGenerator<Buffer> {
  const { tree, dateTime, generated } = source;
  const binder = new PdfBinder();
  yield binder.start();
  /** A part stamped and prepared (which may fail, writing nothing), then written. */
  const prepare = async (bytes: Uint8Array, label: string, p: DossierProcess): Promise<BoundPart> => {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    if (!part.getPageCount()) throw new Error('no pages');
    const first = binder.pageCount + 1;
    await stampFooters(part, label, (i) => `${processTitle(p)} · fl. ${first + i}`);
    return binder.prepare(part);
  };
  const bind = async function* (bytes: Uint8Array, label: string, p: DossierProcess) {
    yield* binder.write(await prepare(bytes, label, p));
  };

  for (const p of tree) {
    const documents = await source.documents(p.id);
    yield* bind(await typeset((doc) => cover(doc, p, documents, source)), 'Capa', p);
    const titles = new Map(documents.map((d) => [d.id, d.title]));
    for await (const batch of source.events(p.id)) {
      yield* bind(await typeset((doc) => events(doc, batch, titles, dateTime)), 'Movimentos', p);
    }
    for (const d of documents) {
      const content = await source.content(d.id);
      if (!content) continue;
      if ('html' in content) {
        yield* bind(await typeset((doc) => richText(doc, d, content.html, dateTime)), d.title, p);
        continue;
      }
      // An upload that cannot be bound (damaged, protected by its author, no pages, pages
      // without a size) is replaced by a page saying so; the file goes on.
      const part = await prepare(content.pdf, d.title, p).catch(async (error: Error) => {
        new Logger('Dossier').warn(`document ${d.id} could not be bound: ${error.message}`);
        return prepare(await typeset((doc) => unreadable(doc, d, dateTime)), d.title, p);
      });
      yield* binder.write(part);
    }
  }
  yield binder.finish({ title: processTitle(tree[0]), producer: 'Acervo', createdAt: generated.at });
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number): void {
  doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(winAnsi(text));
  doc.moveDown(0.3);
}

function note(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(winAnsi(text)).fillColor('black');
}

function cover(doc: PDFKit.PDFDocument, p: DossierProcess, documents: DossierDocument[], source: DossierSource): void {
  heading(doc, processTitle(p), 18);
  const attached = attachedNote(p);
  if (attached) note(doc, attached);
  doc.moveDown(0.5);
  for (const [label, value] of coverFacts(p, source.dateTime)) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(winAnsi(`${label}: `), { continued: true })
      .font('Helvetica')
      .text(winAnsi(value));
  }
  doc.moveDown();
  heading(doc, 'Resumo', 12);
  doc.font('Helvetica').fontSize(10).text(winAnsi(p.summary));
  doc.moveDown();
  heading(doc, 'Interessados', 12);
  for (const party of p.parties)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(winAnsi(`${party.name} — ${party.type}`));
  if (!p.parties.length) note(doc, 'Nenhum.');
  doc.moveDown();
  heading(doc, 'Documentos', 12);
  documents.forEach((d, i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(winAnsi(`${i + 1}. ${d.title}`), { continued: true })
      .font('Helvetica')
      .fillColor(GREY)
      .text(winAnsi(` — ${documentLine(d, source.dateTime)}`))
      .fillColor('black');
  });
  if (!documents.length) note(doc, 'Nenhum documento assinado visível.');
  doc.moveDown();
  note(doc, scopeNote(source.generated.by, source.dateTime(source.generated.at)));
}

function events(
  doc: PDFKit.PDFDocument,
  batch: EventDto[],
  titles: Map<string, string>,
  dateTime: (at: Date) => string,
): void {
  heading(doc, 'Movimentos', 12);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const e of batch) {
    const attached = eventDocumentTitles(e, titles);
    const what = [
      e.name,
      e.actorName ? `por ${e.actorName}` : null,
      attached.length ? `documentos: ${attached.join('; ')}` : null,
    ]
      .filter(Boolean)
      .join(' — ');
    doc.font('Helvetica').fontSize(9);
    if (doc.y + doc.heightOfString(winAnsi(what), { width: width - 120 }) > bottom) doc.addPage();
    const y = doc.y;
    doc.text(String(e.sequence), left, y, { width: 30 });
    doc.text(dateTime(new Date(e.occurredAt)), left + 30, y, { width: 90 });
    doc.text(winAnsi(what), left + 120, y, { width: width - 120 });
    doc.x = left;
    doc.moveDown(0.3);
  }
}

function documentHeader(doc: PDFKit.PDFDocument, d: DossierDocument, dateTime: (at: Date) => string): void {
  heading(doc, d.title, 14);
  note(doc, documentLine(d, dateTime));
  note(doc, `SHA-256 ${d.sha256}`);
  doc.moveDown();
}

function richText(doc: PDFKit.PDFDocument, d: DossierDocument, html: string, dateTime: (at: Date) => string): void {
  documentHeader(doc, d, dateTime);
  new HtmlLayout(doc).render(html);
}

function unreadable(doc: PDFKit.PDFDocument, d: DossierDocument, dateTime: (at: Date) => string): void {
  documentHeader(doc, d, dateTime);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text('Este PDF não pôde ser incorporado (arquivo danificado ou protegido). Baixe-o pelo processo no Acervo.');
}
