import { PARTY_TAGS, SCALAR_TAGS, templateProblems } from '@domain/templates';
import { documentHtml } from '../documents/editor-html';

/** A line of the tag picker: what it inserts, and the locale key of its description. */
export interface TagChoice {
  insert: string;
  key: string;
}

/** The locale key of a tag: dots would be read as nesting by vue-i18n. */
const keyOf = (tag: string) => tag.replaceAll('.', '_');

/**
 * What the picker offers: every scalar tag, and the party paragraph whole — its tags only
 * work together, inside one paragraph, which the loop repeats once per party.
 */
export const TAG_CHOICES: readonly TagChoice[] = [
  ...SCALAR_TAGS.map((tag) => ({ insert: `\${${tag}}`, key: keyOf(tag) })),
  {
    insert: PARTY_TAGS.map((tag, i) => (i === 2 ? `: \${${tag}}` : `\${${tag}}`)).join(''),
    key: 'interessado',
  },
];

/**
 * What the server would refuse in the body the editor holds, as it would say it — the same
 * rule, run on the HTML the save sends.
 */
export function tagProblems(editorHtml: string): string[] {
  return templateProblems(documentHtml(editorHtml)).map((p) => p.message);
}
