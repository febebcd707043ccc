/** The characters beyond Latin-1 that WinAnsiEncoding has (quotes, dashes, bullet, euro…). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the PDF standard fonts can draw: they encode WinAnsi, which holds Portuguese whole
 * (composed first, so an "a" with a combining tilde becomes "ã"; CR LF is a newline); anything else — other
 * scripts, emoji, control characters — becomes "?" instead of a wrong glyph.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0)!;
    const drawable =
      char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
    out += drawable ? char : char === '\t' ? ' ' : '?';
  }
  return out;
}
