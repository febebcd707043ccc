import PDFDocument from 'pdfkit';

/** A4 with room at the foot for the page stamp ({@link stampFooters}). */
const MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };

/** A PDF typeset with pdfkit in the standard fonts: `draw` lays it out, the bytes come back. */
export function typeset(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: MARGINS });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
