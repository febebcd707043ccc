import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../testing/fake-server';
import { useSessionStore } from './session.store';

const ME = {
  id: 'u1',
  username: 'helena',
  fullName: 'Helena Prado',
  email: 'h@mp',
  assignments: [],
  profiles: [],
  capabilities: [],
};

describe('useSessionStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    sessionStorage.clear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('starts a session: keeps the refresh token for a reload and learns who is signed in', async () => {
    const server = fakeServer().on('GET', '/api/v1/me', { status: 200, body: ME });
    const session = useSessionStore();
    await session.start({ accessToken: 'a1', refreshToken: 'r1' });
    expect(session.signedIn).toBe(true);
    expect(session.me?.fullName).toBe('Helena Prado');
    expect(server.calls[0].authorization).toBe('Bearer a1');
    expect(sessionStorage.getItem('acervo.refresh')).toBe('r1');
  });

  it('renews once for requests failing together: a refresh token is spent when used', async () => {
    const server = fakeServer().on('POST', '/api/v1/auth/refresh', {
      status: 200,
      body: { status: 'authenticated', accessToken: 'a2', refreshToken: 'r2' },
    });
    sessionStorage.setItem('acervo.refresh', 'r1');
    const session = useSessionStore();
    const [a, b] = await Promise.all([session.renew(), session.renew()]);
    expect([a, b]).toEqual(['a2', 'a2']);
    expect(server.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(sessionStorage.getItem('acervo.refresh')).toBe('r2');
  });

  it('restores a session after a reload, and forgets one the server ended', async () => {
    fakeServer()
      .on('POST', '/api/v1/auth/refresh', (c) =>
        (c.body as { refreshToken: string }).refreshToken === 'good'
          ? { status: 200, body: { status: 'authenticated', accessToken: 'a2', refreshToken: 'r2' } }
          : { status: 401, body: { status: 401 } },
      )
      .on('GET', '/api/v1/me', { status: 200, body: ME });
    sessionStorage.setItem('acervo.refresh', 'good');
    expect(await useSessionStore().restore()).toBe(true);

    setActivePinia(createPinia());
    sessionStorage.setItem('acervo.refresh', 'spent');
    const session = useSessionStore();
    expect(await session.restore()).toBe(false);
    expect(sessionStorage.getItem('acervo.refresh')).toBeNull();
  });

  it('keeps the session through a network failure while renewing', async () => {
    fakeServer();
    sessionStorage.setItem('acervo.refresh', 'r1');
    expect(await useSessionStore().renew()).toBeNull();
    expect(sessionStorage.getItem('acervo.refresh')).toBe('r1');
  });

  it('signs out: the server ends the session and the tokens are forgotten, even offline', async () => {
    fakeServer().on('GET', '/api/v1/me', { status: 200, body: ME });
    const session = useSessionStore();
    await session.start({ accessToken: 'a1', refreshToken: 'r1' });
    await session.signOut();
    expect(session.signedIn).toBe(false);
    expect(sessionStorage.getItem('acervo.refresh')).toBeNull();
  });
});
