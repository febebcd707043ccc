/** A run of non-breaking spaces, as a character or an entity. */
const NBSP_RUN = /(?:\u00a0|&nbsp;)+/g;
const NBSP = /\u00a0|&nbsp;/;

/** Quill marks alignment with classes of its own; documents keep the neutral ones the server allows. */
const QUILL_ALIGN = /\bql-align-(center|right|justify)\b/g;

/**
 * The editor's HTML as a document should keep it. Quill 2's semantic HTML writes every
 * space as a non-breaking one, which would stop lines from wrapping in the signed file and
 * the PDF, and words from being found: a run becomes an ordinary space followed by
 * non-breaking ones, so lines wrap and deliberate runs of spaces still show. Its alignment
 * classes become the `text-*` ones the server's sanitiser keeps.
 */
export function documentHtml(editorHtml: string): string {
  return editorHtml
    .replace(NBSP_RUN, (run) => ` ${'\u00a0'.repeat(run.split(NBSP).length - 2)}`)
    .replace(QUILL_ALIGN, 'text-$1');
}

/** A document's HTML as the editor shows it: the alignment classes back in Quill's names. */
export function editorHtml(documentHtml: string): string {
  return documentHtml.replace(/\btext-(center|right|justify)\b/g, 'ql-align-$1');
}
