import sanitizeHtml from 'sanitize-html';

/**
 * What a document's rich text may hold: text formatting, lists, tables, headings and
 * links to http(s)/mailto. Scripts, event handlers, styles, frames, forms and images
 * (which would fetch from elsewhere when the document is opened) never survive.
 */
// prettier-ignore
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup',
    'ul', 'ol', 'li',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
    'a',
  ],
  allowedAttributes: { a: ['href', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], '*': ['class'] },
  allowedClasses: { '*': ['text-left', 'text-center', 'text-right', 'text-justify'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export function sanitiseDocumentHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
