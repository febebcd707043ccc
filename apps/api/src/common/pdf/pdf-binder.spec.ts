import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { PdfBinder } from './pdf-binder';

/** A PDF written by hand, its objects numbered in order, with a correct cross-reference table. */
function handWritten(objects: string[]): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** One page that inherits its resources and media box from the page tree; a link to itself. */
const INHERITING = handWritten([
  '<< /Type /Catalog /Pages 2 0 R /Outlines 7 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 400] /Resources << /Font << /F1 4 0 R >> >> >>',
  '<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Annots [6 0 R] >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>',
  '<< /Length 38 >>\nstream\nBT /F1 12 Tf 20 300 Td (herdado) Tj ET\nendstream',
  '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest [3 0 R /Fit] >>',
  '<< /Type /Outlines /Count 0 >>',
]);

async function made(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) pdf.addPage([200 + n, 200]).drawText(`pagina ${n}`, { x: 10, y: 100, font });
  return pdf.save();
}

async function bind(parts: Uint8Array[]): Promise<PDFDocument> {
  const sut = new PdfBinder();
  const chunks = [sut.start()];
  for (const part of parts) chunks.push(...sut.write(sut.prepare(await PDFDocument.load(part))));
  chunks.push(sut.finish({ title: 'Processo ação', producer: 'Acervo', createdAt: new Date('2026-11-23T12:00:00Z') }));
  return PDFDocument.load(Buffer.concat(chunks), { updateMetadata: false });
}

describe(PdfBinder.name, () => {
  it('binds the parts’ pages in order under one page tree, with their document information', async () => {
    const bound = await bind([await made(2), await made(3)]);
    expect(bound.getPages().map((p) => p.getWidth())).toEqual([201, 202, 201, 202, 203]);
    expect(bound.getTitle()).toBe('Processo ação');
    expect(bound.getProducer()).toBe('Acervo');
  });

  it('gives a page what it inherited from its old page tree, and keeps links between its pages', async () => {
    const bound = await bind([await made(1), INHERITING]);
    const page = bound.getPage(1);
    expect(page.getMediaBox()).toMatchObject({ width: 300, height: 400 });
    const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    expect(fonts.lookup(PDFName.of('F1'), PDFDict).get(PDFName.of('BaseFont'))).toBe(PDFName.of('Courier'));
    const link = page.node.Annots()!.lookup(0, PDFDict);
    expect(link.lookup(PDFName.of('Dest'), PDFArray).get(0)).toBe(page.ref);
    expect((page.node.get(PDFName.of('Parent')) as PDFRef).objectNumber).toBe(2);
  });

  it('leaves the parts’ catalogs, page trees and outlines behind', async () => {
    const bound = await bind([INHERITING, INHERITING]);
    const types = bound.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('Type'))?.toString() : undefined));
    expect(types.filter((t) => t === '/Catalog')).toHaveLength(1);
    expect(types.filter((t) => t === '/Pages')).toHaveLength(1);
    expect(types).not.toContain('/Outlines');
    expect(bound.getPageCount()).toBe(2);
  });
});
