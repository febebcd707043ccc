import type { FieldError } from '../errors';

export const DURATION_UNITS = ['DAYS', 'MONTHS', 'YEARS'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** A class's legal deadline (DOMAIN §6): how long, how it extends, how often, on what basis. */
export interface LegalDeadlineRule {
  classCode: string;
  duration: Duration;
  extension: Duration | null;
  /** Null: as often as justified. */
  maxExtensions: number | null;
  legalBasis: string;
}

/** The CNMP defaults the migration seeds. */
// prettier-ignore
export const CNMP_LEGAL_DEADLINES: readonly LegalDeadlineRule[] = [
  { classCode: 'NF', duration: { amount: 30, unit: 'DAYS' }, extension: { amount: 90, unit: 'DAYS' }, maxExtensions: 1, legalBasis: 'Res. CNMP 174/2017, art. 3º' },
  { classCode: 'PP', duration: { amount: 90, unit: 'DAYS' }, extension: { amount: 90, unit: 'DAYS' }, maxExtensions: 1, legalBasis: 'Res. CNMP 23/2007, art. 2º, §6º' },
  { classCode: 'IC', duration: { amount: 1, unit: 'YEARS' }, extension: { amount: 1, unit: 'YEARS' }, maxExtensions: null, legalBasis: 'Res. CNMP 23/2007, art. 9º' },
  { classCode: 'PA', duration: { amount: 1, unit: 'YEARS' }, extension: { amount: 1, unit: 'YEARS' }, maxExtensions: 1, legalBasis: 'Res. CNMP 174/2017, art. 11' },
  { classCode: 'PIC', duration: { amount: 90, unit: 'DAYS' }, extension: { amount: 90, unit: 'DAYS' }, maxExtensions: null, legalBasis: 'Res. CNMP 181/2017, art. 13' },
];

/** Everything wrong with a legal-deadline table, each naming `items.i.field`. */
export function legalDeadlineProblems(
  rules: readonly LegalDeadlineRule[],
  knownClasses: ReadonlySet<string>,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const at = (field: string, message: string) => problems.push({ field: `items.${i}.${field}`, message });
    if (!knownClasses.has(rule.classCode)) at('classCode', 'classe não encontrada');
    else if (seen.has(rule.classCode)) at('classCode', 'classe repetida na tabela');
    seen.add(rule.classCode);
    if (!rule.extension && rule.maxExtensions !== null && rule.maxExtensions > 0) {
      at('maxExtensions', 'sem prorrogação definida, não pode haver prorrogações');
    }
  });
  return problems;
}
