import { isValidCpf, normalizeCpf, readsAsCpf } from './cpf';

describe(isValidCpf.name, () => {
  it.each([
    ['529.982.247-25', true],
    ['52998224725', true],
    ['111.444.777-35', true],
    ['529.982.247-26', false],
    ['52998224715', false],
    ['111.111.111-11', false],
    ['00000000000', false],
    ['5299822472', false],
    ['529982247250', false],
    ['abc.def.ghi-jk', false],
    ['', false],
  ])('%s → %s', (cpf, expected) => {
    expect(isValidCpf(cpf)).toBe(expected);
  });

  it('normalizes punctuation away', () => {
    expect(normalizeCpf('529.982.247-25')).toBe('52998224725');
  });
});

describe(readsAsCpf.name, () => {
  it.each([
    ['52998224725', true],
    ['529.982.247-25', true],
    ['12345', true],
    ['maria.souza', false],
    ['m52998224725', false],
    ['529.982.247-2a', false],
  ])('%s → %s', (name, expected) => {
    expect(readsAsCpf(name)).toBe(expected);
  });
});
