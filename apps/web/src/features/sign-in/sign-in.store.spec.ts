import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../app/session.store';
import { fakeServer } from '../../testing/fake-server';
import { useSignInStore } from './sign-in.store';

const ME = {
  id: 'u1',
  username: 'helena',
  fullName: 'Helena',
  email: 'h@mp',
  assignments: [],
  profiles: [],
  capabilities: [],
};

describe('useSignInStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    sessionStorage.clear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('leads from the password to the code, then to a session (trusting the device when asked)', async () => {
    const server = fakeServer()
      .on('POST', '/api/v1/auth/login', { status: 200, body: { status: 'totp_required', challengeToken: 'ch' } })
      .on('POST', '/api/v1/auth/totp/verify', {
        status: 200,
        body: { status: 'authenticated', accessToken: 'a1', refreshToken: 'r1' },
      })
      .on('GET', '/api/v1/me', { status: 200, body: ME });
    const signIn = useSignInStore();
    expect(await signIn.signIn('helena', 'senha longa')).toBe('code');
    await signIn.verify({ code: '123456' }, true);
    expect(server.calls[1].body).toEqual({ challengeToken: 'ch', code: '123456', trustDevice: true });
    expect(useSessionStore().signedIn).toBe(true);
    expect(signIn.challengeToken).toBeNull();
  });

  it('goes straight in from a released browser, and to enrollment without 2FA', async () => {
    fakeServer()
      .on('POST', '/api/v1/auth/login', (c) =>
        (c.body as { username: string }).username === 'trusted'
          ? { status: 200, body: { status: 'authenticated', accessToken: 'a1', refreshToken: 'r1' } }
          : { status: 200, body: { status: 'enrollment_required', enrollmentToken: 'en' } },
      )
      .on('GET', '/api/v1/me', { status: 200, body: ME });
    const signIn = useSignInStore();
    expect(await signIn.signIn('trusted', 'x')).toBe('signed-in');
    expect(await signIn.signIn('new', 'x')).toBe('enrollment');
    expect(signIn.enrollmentToken).toBe('en');
  });

  it('enrolls with the enrollment token, then forgets it', async () => {
    const server = fakeServer()
      .on('POST', '/api/v1/auth/totp/enrollment', {
        status: 200,
        body: { secret: 'ABC', otpauthUrl: 'otpauth://x', qrCodeDataUrl: 'data:image/png;base64,' },
      })
      .on('POST', '/api/v1/auth/totp/enrollment/confirm', { status: 202 });
    const signIn = useSignInStore();
    signIn.enrollmentToken = 'en';
    await signIn.startEnrollment();
    expect(signIn.enrollment?.secret).toBe('ABC');
    await signIn.confirmEnrollment('123456', 'h@mp.example');
    expect(server.calls[1].body).toEqual({ enrollmentToken: 'en', code: '123456', email: 'h@mp.example' });
    expect(signIn.enrollmentToken).toBeNull();
  });

  it('keeps the reason of a refused code for the page', async () => {
    fakeServer().on('POST', '/api/v1/auth/totp/verify', {
      status: 401,
      body: {
        status: 401,
        detail: 'Código de autenticação inválido. Confira se a data e a hora do celular estão corretas',
      },
    });
    const signIn = useSignInStore();
    signIn.challengeToken = 'ch';
    await expect(signIn.verify({ code: '000000' }, false)).rejects.toMatchObject({
      problem: { detail: expect.stringContaining('data e a hora') },
    });
    expect(useSessionStore().signedIn).toBe(false);
  });
});
