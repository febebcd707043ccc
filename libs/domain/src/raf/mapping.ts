/**
 * What the RAF file says of each event and activity (DOMAIN §8), as XML attributes. The
 * mapping is the whole list of what leaves the institution in the file: process number,
 * class, subject, movement, time, unit — never a summary or a party's name.
 */
export const RAF_NAMESPACE = 'urn:acervo:raf:1';
export const RAF_SCHEMA_VERSION = '1';

/** Kinds of non-procedural activity (atividades não procedimentais); the table is data, seeded with these. */
export const RAF_ACTIVITY_KINDS: readonly { code: string; name: string }[] = [
  { code: 'ATENDIMENTO_PUBLICO', name: 'Atendimento ao público' },
  { code: 'AUDIENCIA_PUBLICA', name: 'Audiência pública' },
  { code: 'REUNIAO', name: 'Reunião' },
  { code: 'INSPECAO', name: 'Inspeção ou visita técnica' },
  { code: 'PALESTRA', name: 'Palestra ou evento' },
  { code: 'PLANTAO', name: 'Plantão' },
  { code: 'SESSAO_JURI', name: 'Sessão do júri' },
  { code: 'OUTRA', name: 'Outra atividade' },
];

/** The characters XML 1.0 forbids in text: controls but tab and line breaks, U+FFFE, U+FFFF. */
const XML_FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';

/** Text free of what XML 1.0 forbids — what a field that ends up in a file must match. */
export const XML_SAFE_TEXT = new RegExp(`^[^${XML_FORBIDDEN}]*$`, 'u');

const FORBIDDEN_OR_LONE_SURROGATE = new RegExp(
  `[${XML_FORBIDDEN}]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);
/** Any character FORBIDDEN_OR_LONE_SURROGATE could match (a surrogate, paired or not). */
const MAYBE_FORBIDDEN = new RegExp(`[${XML_FORBIDDEN}\\uD800-\\uDFFF]`);
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/**
 * Text as XML 1.0 may carry it: characters it forbids (controls, U+FFFE/U+FFFF, lone
 * surrogates) become U+FFFD, so no stored value can make a file ill-formed. In attributes
 * tab and line breaks become spaces — a parser would normalise them anyway.
 */
export function xmlText(text: string): string {
  // Most values hold none of these: a test is far cheaper than the replace's lookarounds,
  // and the export calls this ten times an event.
  return MAYBE_FORBIDDEN.test(text) ? text.replace(FORBIDDEN_OR_LONE_SURROGATE, '\uFFFD') : text;
}

export function xmlAttribute(text: string): string {
  const safe = xmlText(text);
  return LINE_BREAK_OR_TAB.test(safe) ? safe.replace(/[\t\n\r]/g, ' ') : safe;
}

const attributes = (values: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const name in values) out[name] = xmlAttribute(values[name]);
  return out;
};

/** Why an event is the member's: it performed it, the process was distributed to it then, or both. */
export type RafBasis = 'PERFORMED' | 'RESPONSIBLE' | 'BOTH';

export function rafBasis(performed: boolean, responsible: boolean): RafBasis {
  if (performed && responsible) return 'BOTH';
  return performed ? 'PERFORMED' : 'RESPONSIBLE';
}

export interface RafEventRow {
  eventId: string;
  sequence: number;
  processNumber: string;
  classCode: string;
  subjectCode: string;
  movementCode: string;
  movementName: string;
  /** ISO 8601 in UTC, to the millisecond: as the file says it. */
  occurredAt: string;
  unitCode: string;
  performed: boolean;
  responsible: boolean;
}

/** An event of the file: every counted item names the event it comes from (`eventId`, `sequence`). */
export function rafEventAttributes(e: RafEventRow): Record<string, string> {
  return attributes({
    eventId: e.eventId,
    processNumber: e.processNumber,
    sequence: String(e.sequence),
    classCode: e.classCode,
    subjectCode: e.subjectCode,
    movementCode: e.movementCode,
    movementName: e.movementName,
    occurredAt: e.occurredAt,
    unitCode: e.unitCode,
    basis: rafBasis(e.performed, e.responsible),
  });
}

export interface RafActivityRow {
  id: string;
  occurredOn: string;
  kindCode: string;
  kindName: string;
  unitCode: string;
  quantity: number;
  description: string;
}

export function rafActivityAttributes(a: RafActivityRow): Record<string, string> {
  return attributes({
    id: a.id,
    date: a.occurredOn,
    kindCode: a.kindCode,
    kindName: a.kindName,
    unitCode: a.unitCode,
    quantity: String(a.quantity),
  });
}

/** The member as the file names it: by matrícula when registered, and by CPF. */
export function rafMemberAttributes(m: {
  id: string;
  registrationNumber: string | null;
  cpf: string | null;
  name: string;
}): Record<string, string> {
  return attributes({
    id: m.id,
    ...(m.registrationNumber?.trim() ? { registrationNumber: m.registrationNumber.trim() } : {}),
    ...(m.cpf ? { cpf: m.cpf } : {}),
    name: m.name,
  });
}

/** What the member should know before sending the file: the Corregedoria files a RAF by matrícula. */
export function rafWarnings(registrationNumber: string | null): string[] {
  return registrationNumber?.trim()
    ? []
    : ['Sua matrícula não está cadastrada: o arquivo identifica você pelo CPF. Peça o cadastro antes de enviá-lo.'];
}
