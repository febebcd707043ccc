import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../testing/fake-server';
import { useAccountLinksStore } from './account-links.store';

describe('useAccountLinksStore', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('POSTs the activation token and keeps the recovery codes shown once', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `code-${i}`);
    const server = fakeServer().on('POST', '/api/v1/auth/totp/activate', {
      status: 200,
      body: { recoveryCodes: codes },
    });
    const sut = useAccountLinksStore();
    await sut.activateTwoFactor('a-token-of-enough-length');
    expect(server.calls).toMatchObject([
      { path: '/api/v1/auth/totp/activate', body: { token: 'a-token-of-enough-length' } },
    ]);
    expect(sut.status).toBe('done');
    expect(sut.recoveryCodes).toEqual(codes);
  });

  it("keeps the server's reason when a link is refused", async () => {
    fakeServer().on('POST', '/api/v1/auth/totp/disable', {
      status: 401,
      body: { status: 401, detail: 'Link inválido, expirado ou já utilizado.' },
    });
    const sut = useAccountLinksStore();
    await sut.disableTwoFactor('a-token-of-enough-length', 'senha');
    expect(sut.status).toBe('failed');
    expect(sut.message).toBe('Link inválido, expirado ou já utilizado.');
  });

  it('keeps the password policy problems the server names', async () => {
    const errors = [{ field: 'password', message: 'a senha deve ter ao menos 12 caracteres' }];
    const server = fakeServer().on('POST', '/api/v1/auth/password/reset', {
      status: 400,
      body: { status: 400, errors },
    });
    const sut = useAccountLinksStore();
    await sut.resetPassword('a-token-of-enough-length', 'curta');
    expect(server.calls[0]).toMatchObject({
      path: '/api/v1/auth/password/reset',
      body: { token: 'a-token-of-enough-length', password: 'curta' },
    });
    expect(sut.fieldErrors).toEqual(errors);
  });

  it('says it failed when the server cannot be reached', async () => {
    fakeServer();
    const sut = useAccountLinksStore();
    await sut.resetPassword('a-token-of-enough-length', 'x');
    expect(sut.status).toBe('failed');
  });
});
