import { describe, expect, it } from 'vitest';
import { ApiError, type Schemas } from '../../api';
import { type LegalDeadlineTableIo, ruleForm, ruleOf, saveRuleInTable, tableWith } from './legal-deadlines';

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

describe('saveRuleInTable', () => {
  const stale = () => new ApiError({ status: 409, errors: [{ field: 'version', message: 'versão desatualizada' }] });
  /** A server whose table another administrator replaces `racing` times between our read and our write. */
  function server(racing: number) {
    let table = { items: [NF], version: 1 };
    const writes: { items: Rule[]; version: number }[] = [];
    const io: LegalDeadlineTableIo = {
      read: async () => table,
      replace: async (body) => {
        writes.push(body);
        if (racing-- > 0) {
          table = {
            items: [...table.items.filter((r) => r.classCode !== 'PP'), { ...NF, classCode: 'PP' }],
            version: table.version + 1,
          };
          throw stale();
        }
        if (body.version !== table.version) throw stale();
        table = { items: body.items, version: table.version + 1 };
        return table;
      },
    };
    return { io, writes, table: () => table };
  }

  it('writes under the version read', async () => {
    const s = server(0);
    expect(await saveRuleInTable(s.io, 'IC', IC)).toEqual({ items: [IC, NF], version: 2 });
    expect(s.writes).toEqual([{ items: [IC, NF], version: 1 }]);
  });

  it('applies the rule again to the table another administrator saved meanwhile, keeping theirs', async () => {
    const s = server(1);
    const saved = await saveRuleInTable(s.io, 'IC', IC);
    expect(saved.items.map((r) => r.classCode)).toEqual(['IC', 'NF', 'PP']);
    expect(s.writes.map((w) => w.version)).toEqual([1, 2]);
  });

  it('gives up after three stale versions, and never retries another refusal', async () => {
    await expect(saveRuleInTable(server(5).io, 'IC', IC)).rejects.toBeInstanceOf(ApiError);
    const refused = server(0);
    refused.io.replace = async () => {
      throw new ApiError({ status: 400 });
    };
    await expect(saveRuleInTable(refused.io, 'IC', IC)).rejects.toMatchObject({ problem: { status: 400 } });
  });
});
