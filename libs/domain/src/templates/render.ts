import type { FieldError } from '../errors';
import { escapeHtml } from '../html-text';
import { monthInPortuguese, PARTY_TAGS, type ScalarTag, TEMPLATE_TAGS } from './tags';

/** One `${…}` of a body: where it starts (character offset), and its name. */
interface Occurrence {
  position: number;
  end: number;
  name: string | null;
}

const NAME = /^[A-Za-z][A-Za-z.]*[A-Za-z]$|^[A-Za-z]$/;

/** Every `${…}` in a body, in order; `name` is null when the tag is not closed or not a name. */
function occurrences(body: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let at = body.indexOf('${'); at !== -1; at = body.indexOf('${', at + 2)) {
    const close = body.indexOf('}', at + 2);
    const next = body.indexOf('${', at + 2);
    if (close === -1 || (next !== -1 && next < close)) {
      found.push({ position: at, end: at + 2, name: null });
      continue;
    }
    const name = body.slice(at + 2, close);
    found.push({ position: at, end: close + 1, name: NAME.test(name) ? name : null });
  }
  return found;
}

/**
 * The innermost paragraph-level elements (`<p>`, `<li>` holding no other): what the party
 * loop repeats. Tempered, so each start scans only to the next paragraph tag — linear in
 * the body, whatever an adversarial body nests or leaves open.
 */
const PARAGRAPH = /<(p|li)\b[^<>]*>(?:(?!<\/?(?:p|li)\b)[\s\S])*?<\/\1\s*>/gi;

/** Problems reported for one body, at most: the first ones name what to fix. */
const MAX_PROBLEMS = 50;

/**
 * Everything wrong with a template body, each naming the tag and its position: a tag not in
 * the homologated list, a malformed one (`${` not closed, not a name), a party tag outside a
 * paragraph (`<p>` or `<li>`), which is what the party loop repeats.
 */
export function templateProblems(body: string): FieldError[] {
  const problems: FieldError[] = [];
  const paragraphs = [...body.matchAll(PARAGRAPH)].map((m) => [m.index!, m.index! + m[0].length]);
  for (const o of occurrences(body)) {
    if (problems.length === MAX_PROBLEMS) {
      problems.push({ field: 'body', message: 'e há mais problemas: corrija estes primeiro' });
      break;
    }
    const shown = body.slice(o.position, Math.min(o.end, o.position + 60));
    if (o.name === null) {
      problems.push({ field: 'body', message: `tag malformada ${shown} na posição ${o.position}` });
    } else if (!TEMPLATE_TAGS.includes(o.name)) {
      problems.push({ field: 'body', message: `tag desconhecida ${shown} na posição ${o.position}` });
    } else if (
      (PARTY_TAGS as readonly string[]).includes(o.name) &&
      !paragraphs.some(([from, to]) => from <= o.position && o.end <= to)
    ) {
      problems.push({
        field: 'body',
        message: `a tag ${shown} na posição ${o.position} deve estar dentro de um parágrafo (<p> ou <li>) sem outro dentro`,
      });
    }
  }
  return problems;
}

/** A party as the author may see it: a secret one is already "Parte sigilosa" when it may not. */
export interface TemplateParty {
  name: string;
  type: string;
}

/** What the tags read: the values of the scalar tags, and the parties. */
export interface TemplateContext {
  values: Readonly<Record<ScalarTag, string>>;
  parties: readonly TemplateParty[];
}

function replaceTags(html: string, value: (name: string) => string): string {
  let out = '';
  let from = 0;
  for (const o of occurrences(html)) {
    out += html.slice(from, o.position) + (o.name === null ? html.slice(o.position, o.end) : value(o.name));
    from = o.end;
  }
  return out + html.slice(from);
}

/**
 * Renders a valid body (see `templateProblems`) into HTML: each paragraph holding a party
 * tag is repeated once per party (and dropped when there is none), and every tag is
 * replaced by its value, escaped — in one pass over the body, so a value that looks like a
 * tag (a party named `${…}`) stays text. The caller sanitises the result like any rich text.
 */
export function renderTemplate(body: string, context: TemplateContext): string {
  // Own properties only: a name like `constructor` is not a value of anything.
  const scalar = (name: string) =>
    escapeHtml(Object.hasOwn(context.values, name) ? context.values[name as ScalarTag] : '');
  const forParty = (party: TemplateParty) => (name: string) => {
    if (name === 'interessado') return '';
    if (name === 'interessado.nome') return escapeHtml(party.name);
    if (name === 'interessado.tipoInteressado.nome') return escapeHtml(party.type);
    return scalar(name);
  };
  let out = '';
  let from = 0;
  for (const match of body.matchAll(PARAGRAPH)) {
    const paragraph = match[0];
    const hasParty = occurrences(paragraph).some(
      (o) => o.name !== null && (PARTY_TAGS as readonly string[]).includes(o.name),
    );
    if (!hasParty) continue;
    out += replaceTags(body.slice(from, match.index), scalar);
    out += context.parties.map((party) => replaceTags(paragraph, forParty(party))).join('');
    from = match.index! + paragraph.length;
  }
  return out + replaceTags(body.slice(from), scalar);
}

/** `dia`, `mesExtenso`, `ano` of a day `YYYY-MM-DD`: "5 de novembro de 2026". */
export function dateTags(day: string): Pick<Record<ScalarTag, string>, 'dia' | 'mesExtenso' | 'ano'> {
  const [y, m, d] = day.split('-').map(Number);
  return { dia: String(d), mesExtenso: monthInPortuguese(m), ano: String(y) };
}
