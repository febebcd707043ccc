/// <reference types="pdfkit" />
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { winAnsi } from './win-ansi';

type Align = 'left' | 'center' | 'right' | 'justify';

interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  mono: boolean;
  link: string | null;
}

interface Run extends Style {
  text: string;
  /** A list item's bullet or number, waiting for the item's first paragraph. */
  marker?: boolean;
}

interface Block {
  indent: number;
  align: Align;
  size: number;
  pre: boolean;
}

const BODY_SIZE = 11;
const HEADING_SIZE: Record<string, number> = { h1: 16, h2: 14, h3: 13, h4: 12, h5: 11, h6: 11 };
const PLAIN: Style = { bold: false, italic: false, underline: false, strike: false, mono: false, link: null };
const ALIGN_CLASSES: Record<string, Align> = {
  'text-left': 'left',
  'text-center': 'center',
  'text-right': 'right',
  'text-justify': 'justify',
};
const INLINE_STYLE: Record<string, Partial<Style>> = {
  strong: { bold: true },
  b: { bold: true },
  em: { italic: true },
  i: { italic: true },
  u: { underline: true },
  s: { strike: true },
  code: { mono: true },
};
const BLOCKS = new Set([
  'p',
  'div',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'table',
  'hr',
  'caption',
  ...Object.keys(HEADING_SIZE),
]);
const LIST_INDENT = 18;
const QUOTE_INDENT = 24;
/** A table row taller than this share of a page is flowed as paragraphs instead of drawn as a row. */
const MAX_ROW_SHARE = 0.8;
const MAX_DEPTH = 64;

/**
 * Lays out a document's rich text — the sanitised HTML a document may hold (paragraphs,
 * headings, emphasis, lists, quotes, tables, links) — on a pdfkit document in the standard
 * fonts. Unknown tags are read for their text: the sanitiser has already removed anything
 * active, and a layout never executes anything.
 */
export class HtmlLayout {
  private runs: Run[] = [];
  private depth = 0;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  render(html: string): void {
    this.flow(parseDocument(html).children, PLAIN, { indent: 0, align: 'left', size: BODY_SIZE, pre: false });
    this.flush({ indent: 0, align: 'left', size: BODY_SIZE, pre: false }, true);
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private flow(nodes: ChildNode[], style: Style, block: Block): void {
    this.depth += 1;
    for (const node of nodes) {
      if (isText(node)) this.runs.push({ ...style, text: node.data });
      // Nesting deeper than any editor makes is read for its text: the layout recurses, and
      // must not run out of stack on a crafted document.
      else if (isTag(node) && this.depth > MAX_DEPTH) this.runs.push({ ...style, text: textOf(node) });
      else if (isTag(node)) this.element(node, style, block);
    }
    this.depth -= 1;
  }

  private element(el: Element, style: Style, block: Block): void {
    const name = el.name;
    // A line break ends the line there (pdfkit drops a newline at the end of a continued run).
    if (name === 'br') return this.flush(block, true, 0);
    if (!BLOCKS.has(name)) {
      const link = name === 'a' ? (el.attribs.href ?? null) : style.link;
      const underline = style.underline || name === 'a';
      return this.flow(el.children, { ...style, ...INLINE_STYLE[name], link, underline }, block);
    }
    this.flush(block);
    const align = alignOf(el) ?? block.align;
    if (name === 'hr') {
      const y = this.doc.y + 4;
      this.doc
        .moveTo(this.left + block.indent, y)
        .lineTo(this.left + this.width, y)
        .stroke();
      this.doc.y = y + 8;
    } else if (name === 'ul' || name === 'ol') {
      this.list(el, style, { ...block, align });
    } else if (name === 'table') {
      this.table(el, style, block);
    } else if (name in HEADING_SIZE) {
      const heading = { ...block, align, size: HEADING_SIZE[name] };
      this.flow(el.children, { ...style, bold: true }, heading);
      this.flush(heading);
    } else {
      const inner = {
        ...block,
        align,
        indent: block.indent + (name === 'blockquote' ? QUOTE_INDENT : 0),
        pre: block.pre || name === 'pre',
      };
      this.flow(
        el.children,
        { ...style, mono: style.mono || name === 'pre', bold: style.bold || name === 'caption' },
        inner,
      );
      this.flush(inner);
    }
  }

  private list(el: Element, style: Style, block: Block): void {
    let n = 0;
    for (const item of el.children.filter(isTag)) {
      if (item.name !== 'li') {
        this.element(item, style, block);
        continue;
      }
      n += 1;
      const inner = { ...block, indent: block.indent + LIST_INDENT };
      this.runs.push({ ...PLAIN, text: el.name === 'ol' ? `${n}. ` : '• ', marker: true });
      this.flow(item.children, style, inner);
      this.flush(inner, true);
    }
  }

  /**
   * Rows of equal-width cells with borders, a row never split across pages; a row too tall
   * for a page is flowed cell by cell as paragraphs, so no text is lost. A table inside a
   * cell is read as the cell's text.
   */
  private table(el: Element, style: Style, block: Block): void {
    const parts = el.children.filter(isTag);
    const rows = parts
      .flatMap((part) => (part.name === 'tr' ? [part] : SECTIONS.has(part.name) ? part.children.filter(isTag) : []))
      .filter((tr) => tr.name === 'tr')
      .map((tr) => tr.children.filter(isTag).filter((c) => c.name === 'td' || c.name === 'th'));
    for (const caption of parts.filter((part) => part.name === 'caption')) this.element(caption, style, block);
    const columns = Math.max(0, ...rows.map((r) => r.length));
    if (!columns) return;
    const x = this.left + block.indent;
    const cellWidth = (this.width - block.indent) / columns;
    const bottom = () => this.doc.page.height - this.doc.page.margins.bottom;
    const maxRow = (bottom() - this.doc.page.margins.top) * MAX_ROW_SHARE;
    for (const cells of rows) {
      const texts = cells.map((c) => winAnsi(collapse(textOf(c)).trim()));
      const fontFor = (i: number) => (cells[i].name === 'th' || style.bold ? 'Helvetica-Bold' : 'Helvetica');
      const height =
        6 +
        Math.max(
          ...texts.map((t, i) =>
            this.doc
              .font(fontFor(i))
              .fontSize(9)
              .heightOfString(t || ' ', { width: cellWidth - 6 }),
          ),
        );
      if (height > maxRow) {
        texts.forEach((text, i) => {
          this.doc
            .font(fontFor(i))
            .fontSize(9)
            .text(text, x, this.doc.y, { width: this.width - block.indent });
          this.doc.moveDown(0.3);
        });
        continue;
      }
      if (this.doc.y + height > bottom()) this.doc.addPage();
      const y = this.doc.y;
      texts.forEach((text, i) => {
        this.doc.rect(x + i * cellWidth, y, cellWidth, height).stroke();
        this.doc
          .font(fontFor(i))
          .fontSize(9)
          .text(text, x + i * cellWidth + 3, y + 3, { width: cellWidth - 6 });
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
    }
    this.doc.moveDown(0.5);
  }

  /**
   * The paragraph gathered so far, drawn run by run, whitespace collapsed as a browser would;
   * a lone list marker waits for its item's text unless the item ends (`force`).
   */
  private flush(block: Block, force = false, gap = 0.5): void {
    if (!force && this.runs.length && this.runs.every((r) => r.marker)) return;
    const runs = block.pre ? this.runs : tidy(this.runs);
    this.runs = [];
    if (!runs.some((r) => r.text.trim())) {
      if (gap === 0) this.doc.moveDown(1); // a blank line: <br><br>
      return;
    }
    const width = this.width - block.indent;
    this.doc.x = this.left + block.indent;
    runs.forEach((run, i) => {
      this.doc
        .font(fontOf(run))
        .fontSize(block.size)
        .text(winAnsi(run.text), {
          width,
          align: block.align,
          continued: i < runs.length - 1,
          // Options carry over between continued runs unless given: every run states its own.
          underline: run.underline,
          strike: run.strike,
          link: run.link ?? (null as unknown as string),
          lineGap: 2,
        });
    });
    this.doc.x = this.left;
    this.doc.moveDown(gap);
  }
}

function alignOf(el: Element): Align | undefined {
  const classes = (el.attribs.class ?? '').split(/\s+/);
  return classes.map((c) => ALIGN_CLASSES[c]).find(Boolean);
}

const collapse = (text: string) => text.replace(/[ \t\r\n\f]+/g, ' ');

const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/** An element's text, gathered without recursion (whatever its depth). */
function textOf(root: Element): string {
  let text = '';
  const pending: ChildNode[] = [...root.children].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isText(node)) text += node.data;
    else if (isTag(node)) pending.push(...[...node.children].reverse());
  }
  return text;
}

/** Whitespace collapsed across runs and trimmed at the paragraph's ends. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  let afterSpace = true;
  for (const run of runs) {
    let text = collapse(run.text);
    if (afterSpace) text = text.replace(/^ /, '');
    else if (text.startsWith(' ')) {
      // pdfkit drops a continued run's leading space: it goes to the end of the run before.
      out[out.length - 1].text += ' ';
      text = text.slice(1);
    }
    if (!text) {
      afterSpace ||= out.length > 0 && out[out.length - 1].text.endsWith(' ');
      continue;
    }
    afterSpace = text.endsWith(' ');
    out.push({ ...run, text });
  }
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/ $/, '');
  return out.filter((r) => r.text);
}

function fontOf(style: Style): string {
  const family = style.mono ? 'Courier' : 'Helvetica';
  const face = style.bold && style.italic ? 'BoldOblique' : style.bold ? 'Bold' : style.italic ? 'Oblique' : '';
  return face ? `${family}-${face}` : family;
}
