import { cnjCheckDigits, formatCnjNumber, isValidCnjNumber } from './cnj-number';

describe(isValidCnjNumber.name, () => {
  it.each([
    ['0000001-45.2026.8.26.0100', false],
    ['1000001-78.2020.8.26.0001', false],
    ['0710802-55.2018.8.02.0001', true],
    ['07108025520188020001', true],
    ['0710802-56.2018.8.02.0001', false],
    ['0710802-55.2018.8.02.000', false],
    ['not a number', false],
  ])('%s → %s', (number, expected) => {
    expect(isValidCnjNumber(number)).toBe(expected);
  });

  it('computes check digits that validate', () => {
    const dd = cnjCheckDigits('1234567', '2026', '8', '26', '0100');
    expect(isValidCnjNumber(`1234567-${dd}.2026.8.26.0100`)).toBe(true);
  });

  it('formats a bare number with the mask', () => {
    expect(formatCnjNumber('07108025520188020001')).toBe('0710802-55.2018.8.02.0001');
  });
});
