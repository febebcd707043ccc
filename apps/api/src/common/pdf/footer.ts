import { type PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { winAnsi } from './win-ansi';

const SIZE = 8;
const INSET = 28;
const GREY = rgb(0.35, 0.35, 0.35);

/**
 * The foot of every page of a bound file: what the page belongs to on the left, the
 * process number and the folio (fl.), counted through the whole file, on the right.
 */
export async function stampFooters(doc: PDFDocument, label: string, right: (page: number) => string): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPages().forEach((page, i) => {
    const box = page.getCropBox();
    const text = winAnsi(right(i));
    const textWidth = font.widthOfTextAtSize(text, SIZE);
    page.drawText(text, { x: box.x + box.width - INSET - textWidth, y: box.y + 20, size: SIZE, font, color: GREY });
    const room = box.width - 3 * INSET - textWidth;
    page.drawText(
      fit(winAnsi(label), room, (t) => font.widthOfTextAtSize(t, SIZE)),
      {
        x: box.x + INSET,
        y: box.y + 20,
        size: SIZE,
        font,
        color: GREY,
      },
    );
  });
  // pdf-lib writes an embedded font's objects only when the document is flushed.
  await doc.flush();
}

/** The text cut with an ellipsis to fit the width. */
function fit(text: string, width: number, measure: (t: string) => number): string {
  if (measure(text) <= width) return text;
  let cut = text;
  while (cut && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return cut ? `${cut}…` : '';
}
