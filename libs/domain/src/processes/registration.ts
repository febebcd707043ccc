import { formatCnjNumber, isValidCnjNumber } from '../cnj-number';
import type { FieldError } from '../errors';
import type { Profile } from '../profiles';

/** What a registration says about its origin and age. */
export interface RegistrationFacts {
  classKind: 'EXTRAJUDICIAL' | 'JUDICIAL';
  originNumber: string | null;
  oldProcess: boolean;
  /** `YYYY-MM-DD`. */
  instauratedOn: string | null;
  /** `YYYY-MM-DD` in the institution's time zone. */
  today: string;
}

const CNJ_SHAPE = /^\d{7}-?\d{2}\.?\d{4}\.?\d\.?\d{2}\.?\d{4}$/;

/**
 * The origin number in canonical form: a judicial process keeps the court's CNJ number
 * (check digits verified); anything shaped like a CNJ number must be a valid one.
 */
export function originNumberProblem(kind: RegistrationFacts['classKind'], origin: string | null): string | null {
  const text = origin?.trim() ?? '';
  if (!text) return kind === 'JUDICIAL' ? 'processo judicial exige o número CNJ de origem' : null;
  if (CNJ_SHAPE.test(text) || kind === 'JUDICIAL') {
    return isValidCnjNumber(text) ? null : 'número CNJ inválido (dígitos verificadores não conferem)';
  }
  return null;
}

export function canonicalOriginNumber(origin: string | null): string | null {
  const text = origin?.trim() ?? '';
  if (!text) return null;
  return isValidCnjNumber(text) ? formatCnjNumber(text) : text;
}

/** Problems of a registration beyond field shapes, each naming its field. */
export function registrationProblems(facts: RegistrationFacts): FieldError[] {
  const problems: FieldError[] = [];
  const origin = originNumberProblem(facts.classKind, facts.originNumber);
  if (origin) problems.push({ field: 'originNumber', message: origin });
  if (facts.oldProcess && !facts.instauratedOn) {
    problems.push({ field: 'instauratedOn', message: 'processo antigo exige a data de instauração' });
  }
  if (!facts.oldProcess && facts.instauratedOn) {
    problems.push({
      field: 'instauratedOn',
      message: 'só processos antigos (inventário) informam a data de instauração',
    });
  }
  if (facts.instauratedOn && facts.instauratedOn > facts.today) {
    problems.push({ field: 'instauratedOn', message: 'a data de instauração não pode ser futura' });
  }
  return problems;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Warnings (not refusals) for a summary that names a party: summaries are listed where
 * parties are not, and a secret party's name in one would leak it.
 */
export function summaryWarnings(summary: string, parties: readonly { name: string }[]): FieldError[] {
  const text = ` ${fold(summary)} `;
  return parties
    .map((p) => fold(p.name))
    .filter((name) => name.length >= 4 && text.includes(` ${name} `))
    .map(() => ({ field: 'summary', message: 'a ementa contém o nome de uma parte; prefira descrever o fato' }))
    .slice(0, 1);
}

/** The highest level the actor may assign in a unit, by the institution's table (§4.2); -1: none. */
export function assignableLevel(profiles: readonly Profile[], table: Readonly<Record<Profile, number | null>>): number {
  return profiles.reduce((max, p) => Math.max(max, table[p] ?? -1), -1);
}

/** Class conversions that instaurate a procedure and so need its portaria (MP Virtual manual). */
const INSTAURATIONS: ReadonlyArray<[string, string]> = [
  ['NF', 'PP'],
  ['NF', 'IC'],
  ['PP', 'IC'],
];

/** Problems of a class conversion (Converter classe), each naming its field. */
export function conversionProblems(c: {
  from: string;
  to: string;
  toKind: 'EXTRAJUDICIAL' | 'JUDICIAL';
  hasPortaria: boolean;
  originNumber: string | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (c.from === c.to) problems.push({ field: 'classCode', message: 'o processo já é desta classe' });
  const instaurates = INSTAURATIONS.some(([from, to]) => from === c.from && to === c.to);
  if (instaurates && !c.hasPortaria) {
    problems.push({ field: 'portaria', message: `a instauração de ${c.to} exige a portaria` });
  }
  if (c.toKind === 'JUDICIAL') {
    const origin = originNumberProblem('JUDICIAL', c.originNumber);
    if (origin) problems.push({ field: 'originNumber', message: origin });
  }
  return problems;
}
