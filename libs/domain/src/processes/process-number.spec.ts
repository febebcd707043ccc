import { canonicalProcessNumber, formatProcessNumber, parseProcessNumber } from './process-number';

describe(formatProcessNumber.name, () => {
  it.each<[string, number, number, string]>([
    ['058', 2026, 123, '058.2026.000123'],
    ['CDC', 2027, 1, 'CDC.2027.000001'],
    ['058', 2026, 1_234_567, '058.2026.1234567'],
  ])('%s/%i/%i → %s', (unit, year, seq, expected) => {
    expect(formatProcessNumber(unit, year, seq)).toBe(expected);
  });

  it.each([0, -1, 1.5])('refuses the sequential %p', (seq) => {
    expect(() => formatProcessNumber('058', 2026, seq)).toThrow(RangeError);
  });
});

describe(parseProcessNumber.name, () => {
  it('reads back what it formats, in any case and with spaces around', () => {
    expect(parseProcessNumber(' cdc.2026.000042 ')).toEqual({ unitCode: 'CDC', year: 2026, sequential: 42 });
  });

  it.each(['', '058.2026', '058-2026-000001', '058.26.000001', '058.2026.000000', '0000000-00.2026.8.02.0001'])(
    'refuses %p',
    (text) => {
      expect(parseProcessNumber(text)).toBeNull();
    },
  );
});

describe(canonicalProcessNumber.name, () => {
  it('writes a number as registration does, or gives null', () => {
    expect(canonicalProcessNumber('cdc.2026.42')).toBe('CDC.2026.000042');
    expect(canonicalProcessNumber('058.2026')).toBeNull();
  });
});
