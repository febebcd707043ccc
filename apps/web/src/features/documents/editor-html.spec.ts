import { describe, expect, it } from 'vitest';
import { documentHtml, editorHtml } from './editor-html';

describe(documentHtml.name, () => {
  it('turns the non-breaking spaces between words back into spaces', () => {
    expect(documentHtml('<p>Oficie-se\u00a0à&nbsp;Secretaria</p>')).toBe('<p>Oficie-se à Secretaria</p>');
  });

  it('keeps a deliberate run of spaces visible: one space, then non-breaking ones', () => {
    expect(documentHtml('<p>a\u00a0\u00a0&nbsp;b</p>')).toBe('<p>a \u00a0\u00a0b</p>');
  });

  it('leaves other text alone', () => {
    expect(documentHtml('<p>Sem espaços&amp;<strong>negrito</strong></p>')).toBe(
      '<p>Sem espaços&amp;<strong>negrito</strong></p>',
    );
  });
});

describe('alignment', () => {
  it("becomes the server's text-* classes and back", () => {
    const quill = '<p class="ql-align-center">Centro</p><p class="ql-align-justify">Justo</p>';
    const stored = '<p class="text-center">Centro</p><p class="text-justify">Justo</p>';
    expect(documentHtml(quill)).toBe(stored);
    expect(editorHtml(stored)).toBe(quill);
  });
});
