import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../testing/fake-server';
import { createApi, type TokenKeeper } from './http';
import { call } from './problem';

function keeper(initial: string | null, renewed: string | null): TokenKeeper & { renewals: number } {
  let token = initial;
  return {
    renewals: 0,
    accessToken: () => token,
    async renew() {
      this.renewals += 1;
      token = renewed;
      return renewed;
    },
  };
}

describe('the API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the access token on every call', async () => {
    const server = fakeServer().on('GET', '/api/v1/me', { status: 200, body: { id: 'u1' } });
    await call(createApi(keeper('access-1', null)).GET('/api/v1/me'));
    expect(server.calls[0].authorization).toBe('Bearer access-1');
  });

  it('renews the session once on a 401 and repeats the request, body and all', async () => {
    const server = fakeServer().on('POST', '/api/v1/processes/p1/priority', (c) =>
      c.authorization === 'Bearer access-2' ? { status: 200, body: { id: 'p1', version: 3 } } : { status: 401 },
    );
    const tokens = keeper('access-1', 'access-2');
    const api = createApi(tokens);
    const answer = await call(
      api.POST('/api/v1/processes/{id}/priority', {
        params: { path: { id: 'p1' } },
        body: { version: 2, priority: true },
      }),
    );
    expect(answer).toMatchObject({ version: 3 });
    expect(tokens.renewals).toBe(1);
    expect(server.calls.map((c) => [c.authorization, c.body])).toEqual([
      ['Bearer access-1', { version: 2, priority: true }],
      ['Bearer access-2', { version: 2, priority: true }],
    ]);
  });

  it('gives up when the session cannot be renewed: the 401 stands', async () => {
    fakeServer().on('GET', '/api/v1/me', { status: 401, body: { status: 401, title: 'Unauthorized' } });
    await expect(call(createApi(keeper('access-1', null)).GET('/api/v1/me'))).rejects.toMatchObject({
      problem: { status: 401 },
    });
  });

  it('never renews without a session: a sign-in step’s 401 is a wrong password or code', async () => {
    fakeServer().on('POST', '/api/v1/auth/login', {
      status: 401,
      body: { status: 401, detail: 'Usuário ou senha inválidos.' },
    });
    const tokens = keeper(null, 'access-2');
    await expect(
      call(createApi(tokens).POST('/api/v1/auth/login', { body: { username: 'a', password: 'b' } })),
    ).rejects.toMatchObject({ problem: { detail: 'Usuário ou senha inválidos.' } });
    expect(tokens.renewals).toBe(0);
  });

  it('renews for the session’s own calls under /auth (sign out, trusted devices)', async () => {
    const server = fakeServer().on('GET', '/api/v1/auth/trusted-devices', (c) =>
      c.authorization === 'Bearer access-2' ? { status: 200, body: [] } : { status: 401 },
    );
    const tokens = keeper('access-1', 'access-2');
    await call(createApi(tokens).GET('/api/v1/auth/trusted-devices'));
    expect(tokens.renewals).toBe(1);
    expect(server.calls).toHaveLength(2);
  });

  it('turns a network failure into status 0', async () => {
    fakeServer();
    await expect(call(createApi().GET('/api/v1/me'))).rejects.toMatchObject({ problem: { status: 0 } });
  });
});
