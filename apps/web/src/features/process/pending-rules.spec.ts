import { describe, expect, it } from 'vitest';
import { usePendingRules } from './pending-rules';

const subject = (id: string) => ({ type: 'USER' as const, id, label: id });

describe('the authorisation list before it is saved', () => {
  it('includes and withdraws rules without writing anything', () => {
    const rules = usePendingRules();
    rules.include({ subject: subject('a'), effect: 'ALLOW' });
    rules.include({ subject: subject('b'), effect: 'DENY' });
    rules.withdraw(rules.pending.value[0].key);
    expect(rules.pending.value.map((d) => d.subject.id)).toEqual(['b']);
  });

  it('saves in order and keeps, after a refusal, exactly what is still to save', async () => {
    const rules = usePendingRules();
    for (const id of ['a', 'b', 'c']) rules.include({ subject: subject(id), effect: 'ALLOW' });
    const written: string[] = [];
    const save = rules.saveEach(async (d) => {
      if (d.subject.id === 'b') throw new Error('refused');
      written.push(d.subject.id);
    });
    await expect(save).rejects.toThrow('refused');
    expect(written).toEqual(['a']);
    expect(rules.pending.value.map((d) => d.subject.id)).toEqual(['b', 'c']);
  });
});
