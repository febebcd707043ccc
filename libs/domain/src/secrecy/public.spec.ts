import { publicAnswer } from './public';

describe(publicAnswer.name, () => {
  it.each([
    [null, false, 'not_found'],
    [null, true, 'not_found'],
    [5, true, 'not_found'],
    [5, false, 'not_found'],
    [4, true, 'secret'],
    [3, false, 'secret'],
    [2, true, 'secret'],
    [1, false, 'key_required'],
    [1, true, 'shown'],
    [0, false, 'shown'],
  ] as const)('level %p, key matches %p → %s', (level, key, kind) => {
    expect(publicAnswer(level, key).kind).toBe(kind);
  });

  it('shows decisory documents only at level 0, all of them with the key at level 1', () => {
    expect(publicAnswer(0, false)).toEqual({ kind: 'shown', documents: 'decisory' });
    expect(publicAnswer(1, true)).toEqual({ kind: 'shown', documents: 'all' });
  });
});
