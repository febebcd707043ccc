import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api';
import { ruleForm, ruleOf, tableWith } from './legal-deadlines';

type Rule = Schemas['LegalDeadlineRuleDto'];

const NF: Rule = {
  classCode: 'NF',
  duration: { amount: 30, unit: 'DAYS' },
  extension: { amount: 90, unit: 'DAYS' },
  maxExtensions: 1,
  legalBasis: 'Res. CNMP 174/2017, art. 3º',
};
const IC: Rule = { ...NF, classCode: 'IC', duration: { amount: 1, unit: 'YEARS' }, maxExtensions: null };

describe(ruleOf.name, () => {
  it('gives back the rule the form was filled from', () => {
    expect(ruleOf(ruleForm('NF', NF))).toEqual(NF);
    expect(ruleOf(ruleForm('IC', IC))).toEqual(IC);
  });

  it('without an extension, allows none and drops the maximum', () => {
    const form = { ...ruleForm('NF', NF), extendable: false };
    expect(ruleOf(form)).toEqual({ ...NF, extension: null, maxExtensions: null });
  });

  it('is null while a duration is missing', () => {
    const empty = ruleForm('PAC');
    expect(ruleOf({ ...empty, legalBasis: 'Lei' })).toBeNull();
    expect(ruleOf({ ...empty, amount: 10 })).toBeNull();
    expect(ruleOf({ ...empty, amount: 10, extendable: false, legalBasis: ' Lei ' })).toEqual({
      classCode: 'PAC',
      duration: { amount: 10, unit: 'DAYS' },
      extension: null,
      maxExtensions: null,
      legalBasis: 'Lei',
    });
  });
});

describe(tableWith.name, () => {
  it("replaces or adds one class's rule, keeping the others, by class", () => {
    const PAC = { ...NF, classCode: 'PAC' };
    expect(tableWith([IC, NF], 'PAC', PAC)).toEqual([IC, NF, PAC]);
    expect(tableWith([IC, NF], 'NF', { ...NF, maxExtensions: 2 })).toEqual([IC, { ...NF, maxExtensions: 2 }]);
  });

  it('takes a rule out', () => {
    expect(tableWith([IC, NF], 'IC', null)).toEqual([NF]);
  });
});
