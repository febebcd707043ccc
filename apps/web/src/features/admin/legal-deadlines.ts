import type { DurationUnit as Unit } from '@domain/catalogues/legal-deadlines';
import { isStaleVersion, type Schemas } from '../../api';

type Rule = Schemas['LegalDeadlineRuleDto'];
type Table = Schemas['LegalDeadlineTableDto'];

/** A class's rule as the form edits it: the extension switched off keeps what was typed. */
export interface RuleForm {
  classCode: string;
  amount: number | null;
  unit: Unit;
  extendable: boolean;
  extensionAmount: number | null;
  extensionUnit: Unit;
  /** Empty: as often as justified. */
  maxExtensions: number | null;
  legalBasis: string;
}

export function ruleForm(classCode: string, rule?: Rule): RuleForm {
  return {
    classCode,
    amount: rule?.duration.amount ?? null,
    unit: rule?.duration.unit ?? 'DAYS',
    extendable: rule ? rule.extension !== null : true,
    extensionAmount: rule?.extension?.amount ?? null,
    extensionUnit: rule?.extension?.unit ?? 'DAYS',
    maxExtensions: rule ? (rule.maxExtensions ?? null) : null,
    legalBasis: rule?.legalBasis ?? '',
  };
}

/** The rule the form says; null while a duration it needs is left empty. */
export function ruleOf(form: RuleForm): Rule | null {
  const extension = !form.extendable
    ? null
    : form.extensionAmount
      ? { amount: form.extensionAmount, unit: form.extensionUnit }
      : undefined;
  if (!form.amount || extension === undefined) return null;
  return {
    classCode: form.classCode,
    duration: { amount: form.amount, unit: form.unit },
    extension,
    // Without an extension the maximum means nothing; the server refuses one above 0.
    maxExtensions: form.extendable ? form.maxExtensions : null,
    legalBasis: form.legalBasis.trim(),
  };
}

/**
 * The table with a class's rule set (`rule`) or taken out (null): PUT /legal-deadlines
 * replaces the whole table, so every other class's rule goes along unchanged.
 */
export function tableWith(items: readonly Rule[], classCode: string, rule: Rule | null): Rule[] {
  const others = items.filter((r) => r.classCode !== classCode);
  return rule ? [...others, rule].sort((a, b) => a.classCode.localeCompare(b.classCode)) : others;
}

/** GET and PUT /legal-deadlines. */
export interface LegalDeadlineTableIo {
  read(): Promise<Table>;
  replace(body: { items: Rule[]; version: number }): Promise<Table>;
}

/**
 * Sets (or takes out) one class's rule in the table as it stands, under the version read
 * just before: when another administrator saved in between (a stale version), the rule is
 * applied again to their table, so no one's rule is overwritten. Gives up after `tries`.
 */
export async function saveRuleInTable(
  io: LegalDeadlineTableIo,
  classCode: string,
  rule: Rule | null,
  tries = 3,
): Promise<Table> {
  for (let attempt = 1; ; attempt++) {
    const current = await io.read();
    try {
      return await io.replace({ items: tableWith(current.items, classCode, rule), version: current.version });
    } catch (e) {
      if (!isStaleVersion(e) || attempt >= tries) throw e;
    }
  }
}
