import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's schemas, generated from docs/openapi.json (`pnpm --filter @acervo/web generate:api`). */
export type Schemas = components['schemas'];

export type Api = ReturnType<typeof createApi>;

/** The session's side of authentication: its access token, and how to get a new one. */
export interface TokenKeeper {
  accessToken(): string | null;
  /** A fresh access token from the refresh token, or null when the session has ended. */
  renew(): Promise<string | null>;
}

/**
 * The one place tokens are handled: every request carries the access token, and a 401
 * (an access token expired meanwhile) renews the session once and repeats the request.
 * The request is cloned before it is sent, since sending consumes its body.
 */
export function authenticatedFetch(keeper: TokenKeeper, send: typeof fetch = (r) => fetch(r)) {
  return async (request: Request): Promise<Response> => {
    const again = request.clone();
    const token = keeper.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    const response = await send(request);
    // Without a token there is no session to renew: the sign-in steps, whose 401 is a wrong password or code.
    if (response.status !== 401 || !token) return response;
    const renewed = await keeper.renew();
    if (!renewed) return response;
    again.headers.set('Authorization', `Bearer ${renewed}`);
    return send(again);
  };
}

/** A typed client of the API: paths, bodies and answers as docs/openapi.json says. */
export function createApi(keeper?: TokenKeeper) {
  return createClient<paths>({
    baseUrl: globalThis.location?.origin ?? '',
    ...(keeper ? { fetch: authenticatedFetch(keeper) } : {}),
  });
}
