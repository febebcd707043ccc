import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAccountLinksStore } from './account-links.store';

function answering(status: number, body?: object) {
  const calls: { url: string; body: unknown }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    return new Response(body ? JSON.stringify(body) : null, { status });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('useAccountLinksStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('POSTs the activation token and keeps the recovery codes shown once', async () => {
    const sut = useAccountLinksStore();
    const codes = Array.from({ length: 10 }, (_, i) => `code-${i}`);
    const { fetcher, calls } = answering(200, { recoveryCodes: codes });
    await sut.activateTwoFactor('a-token-of-enough-length', fetcher);
    expect(calls).toEqual([{ url: '/api/v1/auth/totp/activate', body: { token: 'a-token-of-enough-length' } }]);
    expect(sut.status).toBe('done');
    expect(sut.recoveryCodes).toEqual(codes);
  });

  it("keeps the server's reason when a link is refused", async () => {
    const sut = useAccountLinksStore();
    const { fetcher } = answering(401, { status: 401, detail: 'Link inválido, expirado ou já utilizado.' });
    await sut.disableTwoFactor('a-token-of-enough-length', 'senha', fetcher);
    expect(sut.status).toBe('failed');
    expect(sut.message).toBe('Link inválido, expirado ou já utilizado.');
  });

  it('keeps the password policy problems the server names', async () => {
    const sut = useAccountLinksStore();
    const errors = [{ field: 'password', message: 'a senha deve ter ao menos 12 caracteres' }];
    const { fetcher, calls } = answering(400, { status: 400, errors });
    await sut.resetPassword('a-token-of-enough-length', 'curta', fetcher);
    expect(calls[0]).toEqual({
      url: '/api/v1/auth/password/reset',
      body: { token: 'a-token-of-enough-length', password: 'curta' },
    });
    expect(sut.fieldErrors).toEqual(errors);
  });

  it('says it failed when the server cannot be reached', async () => {
    const sut = useAccountLinksStore();
    await sut.resetPassword('a-token-of-enough-length', 'x', (async () => {
      throw new TypeError('network');
    }) as typeof fetch);
    expect(sut.status).toBe('failed');
  });
});
