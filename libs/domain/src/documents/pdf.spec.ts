import { isPdf } from './pdf';

describe(isPdf.name, () => {
  it.each([
    ['a PDF header', '%PDF-1.7\n%âãÏÓ\n', true],
    ['an HTML page renamed .pdf', '<html><body>x</body></html>', false],
    ['a PNG', '\x89PNG\r\n\x1a\n', false],
    ['the bare magic with nothing after', '%PDF-', false],
    ['nothing', '', false],
  ])('%s → %s', (_label, text, expected) => {
    expect(isPdf(Buffer.from(text, 'latin1'))).toBe(expected);
  });
});
