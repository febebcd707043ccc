import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { createApi, type Schemas } from '../api/http';
import { call, problemOf } from '../api/problem';

/**
 * The refresh token survives a reload of this tab (sessionStorage), never the tab itself
 * nor another tab; the access token lives in memory only.
 */
const REFRESH_KEY = 'acervo.refresh';

type Tokens = { accessToken: string; refreshToken: string };

/** The answers of /auth/refresh that mean the session is over. */
const SESSION_ENDED = [400, 401, 403];

/** The signed-in session: its tokens, who is signed in, and ending it. */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(null);
  const me = ref<Schemas['MeResponse'] | null>(null);
  const signedIn = computed(() => token.value !== null && me.value !== null);
  let renewing: Promise<string | null> | null = null;
  const anonymous = createApi();

  function keep(tokens: Tokens): void {
    token.value = tokens.accessToken;
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  }

  function forget(): void {
    token.value = null;
    me.value = null;
    sessionStorage.removeItem(REFRESH_KEY);
  }

  /** Starts the session the sign-in produced, and learns who it is. */
  async function start(tokens: Tokens): Promise<void> {
    keep(tokens);
    me.value = await call(createApi(keeper).GET('/api/v1/me'));
  }

  /**
   * A new token pair for the stored refresh token. Requests failing together share one
   * renewal: a refresh token is spent when used, and using it twice would end the session.
   */
  function renew(): Promise<string | null> {
    renewing ??= (async () => {
      const refreshToken = sessionStorage.getItem(REFRESH_KEY);
      if (!refreshToken) return null;
      try {
        const tokens = await call(anonymous.POST('/api/v1/auth/refresh', { body: { refreshToken } }));
        keep(tokens);
        return tokens.accessToken;
      } catch (error) {
        // Only a refused refresh token ends the session; offline or a busy server must not
        // throw the user's work away.
        if (SESSION_ENDED.includes(problemOf(error).status)) forget();
        return null;
      }
    })().finally(() => (renewing = null));
    return renewing;
  }

  /** After a reload: the session goes on when its refresh token still works. */
  async function restore(): Promise<boolean> {
    if (signedIn.value) return true;
    if (!(await renew())) return false;
    try {
      me.value = await call(createApi(keeper).GET('/api/v1/me'));
      return true;
    } catch {
      forget();
      return false;
    }
  }

  async function signOut(): Promise<void> {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY) ?? undefined;
    try {
      await call(createApi(keeper).POST('/api/v1/auth/logout', { body: { refreshToken } }));
    } catch {
      // The session ends here whatever the server says: its tokens are forgotten.
    }
    forget();
  }

  const keeper = { accessToken: () => token.value, renew };
  return { me, signedIn, accessToken: keeper.accessToken, renew, start, restore, signOut };
});
