import { isValidCnpj, normalizeCnpj } from './cnpj';

describe(isValidCnpj.name, () => {
  it('accepts numeric CNPJs with right check digits, with or without punctuation', () => {
    for (const cnpj of ['11.222.333/0001-81', '11222333000181', '00.000.000/0001-91', '33.000.167/0001-01']) {
      expect(isValidCnpj(cnpj)).toBe(true);
    }
  });

  it('accepts the alphanumeric CNPJ (Receita Federal, from July 2026), in either case', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12abc34501de35')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length, letters in the check digits, repeated characters', () => {
    for (const cnpj of ['11.222.333/0001-82', '1122233300018', '12ABC34501DEA5', '11111111111111', '', 'abc']) {
      expect(isValidCnpj(cnpj)).toBe(false);
    }
  });

  it('changes its verdict when any one character changes', () => {
    const valid = '11222333000181';
    for (let i = 0; i < valid.length; i++) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(isValidCnpj(changed)).toBe(false);
    }
  });
});

describe(normalizeCnpj.name, () => {
  it('keeps the characters, in capitals', () => {
    expect(normalizeCnpj(' 12.abc.345/01de-35 ')).toBe('12ABC34501DE35');
  });
});
