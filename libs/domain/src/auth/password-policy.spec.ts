import { passwordProblems } from './password-policy';

describe(passwordProblems.name, () => {
  it.each([
    ['correct horse battery', 'joana', []],
    ['abcdefghijkl', 'joana', []],
    ['abcdefghijk', 'joana', ['too_short']],
    ['minha-senha-JOANA-2026', 'joana', ['contains_username']],
    ['joana', 'joana', ['too_short', 'contains_username']],
    ['ção'.repeat(4), 'x', []],
    ['a'.repeat(257), 'joana', ['too_long']],
    ['senha com ab no meio', 'ab', []],
  ])('%j for user %s → %j', (password, username, expected) => {
    expect(passwordProblems(password, username)).toEqual(expected);
  });
});
