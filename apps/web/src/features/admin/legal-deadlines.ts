import type { DurationUnit as Unit } from '@domain/catalogues/legal-deadlines';
import type { Schemas } from '../../api';

type Rule = Schemas['LegalDeadlineRuleDto'];

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
