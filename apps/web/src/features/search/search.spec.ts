import { describe, expect, it } from 'vitest';
import { isProcessNumber } from './search';

describe(isProcessNumber.name, () => {
  it('takes digits with the punctuation of process and CNJ numbers as a number', () => {
    for (const q of ['058.2026.000123', ' 0001234-75.2026.8.02.0001 ', '123']) expect(isProcessNumber(q)).toBe(true);
  });

  it('takes anything with letters, or nothing but punctuation, as words', () => {
    for (const q of ['merenda escolar', 'NF 2026', '...', '']) expect(isProcessNumber(q)).toBe(false);
  });
});
