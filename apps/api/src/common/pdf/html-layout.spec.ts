import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { HtmlLayout } from './html-layout';
import { typeset } from './typeset';

const render = (html: string) => typeset((doc) => new HtmlLayout(doc).render(html));
const pages = async (html: string) => (await PDFDocument.load(await render(html))).getPageCount();

const FRAGMENTS = [
  '<p>',
  '</p>',
  '<p class="text-center">',
  '<div>',
  '</div>',
  '<h1>',
  '</h1>',
  '<h3>',
  '</h3>',
  '<strong>',
  '</strong>',
  '<em>',
  '</em>',
  '<u>',
  '</u>',
  '<s>',
  '</s>',
  '<code>',
  '</code>',
  '<ul>',
  '</ul>',
  '<ol>',
  '</ol>',
  '<li>',
  '</li>',
  '<blockquote>',
  '</blockquote>',
  '<pre>',
  '</pre>',
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '</th>',
  '<caption>',
  '<br>',
  '<hr>',
  '<a href="https://mp.br">',
  '</a>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${processo.numero}',
  '&amp;',
  '&lt;',
  '&#0;',
  ' ',
  '\n',
];

describe(HtmlLayout.name, () => {
  it('lays out any mixture of the tags a document may hold, and any text, without failing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 40 })), {
          maxLength: 60,
        }),
        async (parts) => {
          expect(await pages(parts.join(''))).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('flows long text onto new pages; a table row taller than a page flows too, losing nothing', async () => {
    expect(await pages('<p>palavra </p>'.repeat(400))).toBeGreaterThan(3);
    const tallCell = `<table><tr><td>${'uma linha de texto '.repeat(2000)}</td><td>curta</td></tr></table>`;
    expect(await pages(tallCell)).toBeGreaterThan(2);
  });

  it('reads nesting deeper than any editor makes as text, without running out of stack', async () => {
    const deep = `${'<div><span>'.repeat(20_000)}fundo${'</span></div>'.repeat(20_000)}`;
    expect(await pages(deep)).toBe(1);
  });
});
