import { useSessionStore } from '../app/session.store';
import { createApi } from './http';

export { ApiError, call, isStaleVersion, problemOf, type Problem } from './problem';
export type { Api, Schemas } from './http';

/** The API as the signed-in user: the session store keeps and renews its tokens. */
export function useApi() {
  return createApi(useSessionStore());
}
