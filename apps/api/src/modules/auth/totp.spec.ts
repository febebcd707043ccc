import { base32, Totp } from './totp';

describe(Totp.name, () => {
  const sut = new Totp();
  const secret = sut.newSecret();
  const now = new Date('2026-11-22T12:00:10Z');
  const step = Math.floor(now.getTime() / 30_000);
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);

  it('makes 160-bit base32 secrets', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it.each([
    [0, 0],
    [-1, -1],
    [1, 1],
  ])('accepts the code of step %i and names its step', (offset, expected) => {
    expect(sut.matchStep(secret, sut.codeAt(secret, at(offset)), now)).toBe(step + expected);
  });

  it.each([-2, 2])('refuses a code %i steps away', (offset) => {
    expect(sut.matchStep(secret, sut.codeAt(secret, at(offset)), now)).toBeNull();
  });

  it.each(['12345a', ' 123456', '1234567', '12345', '', '1e5000'])('refuses %j before asking speakeasy', (code) => {
    expect(sut.matchStep(secret, code, now)).toBeNull();
  });

  it('refuses a code with a trailing letter even when its digits would match', () => {
    expect(sut.matchStep(secret, `${sut.codeAt(secret, now).slice(0, 5)}a`, now)).toBeNull();
  });

  it('builds an otpauth URI with the issuer and the secret as given', () => {
    const uri = new URL(sut.uri(secret, 'joana'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Acervo');
    expect(decodeURIComponent(uri.pathname)).toContain('Acervo:joana');
  });
});

describe(base32.name, () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j → %s (RFC 4648 vectors, unpadded)', (input, expected) => {
    expect(base32(Buffer.from(input))).toBe(expected);
  });
});
