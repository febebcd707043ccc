import { defineStore } from 'pinia';
import { ref } from 'vue';
import { createApi } from '../../api/http';
import { call, problemOf, type Problem } from '../../api/problem';

export type LinkStatus = 'idle' | 'working' | 'done' | 'failed';

/**
 * What the pages opened by e-mailed links do: activate 2FA, disable it, set a password.
 * Each POSTs the link's token once; the answer (or the problem) is kept for the page.
 */
export const useAccountLinksStore = defineStore('account-links', () => {
  const api = createApi();
  const status = ref<LinkStatus>('idle');
  const message = ref<string | null>(null);
  const fieldErrors = ref<NonNullable<Problem['errors']>>([]);
  const recoveryCodes = ref<string[]>([]);

  /** Each page starts afresh: the state of another link's page must not show on this one. */
  function reset(): void {
    status.value = 'idle';
    message.value = null;
    fieldErrors.value = [];
    recoveryCodes.value = [];
  }

  async function run<T>(request: () => Promise<T>): Promise<T | undefined> {
    status.value = 'working';
    message.value = null;
    fieldErrors.value = [];
    try {
      const body = await request();
      status.value = 'done';
      return body;
    } catch (error) {
      const problem = problemOf(error);
      status.value = 'failed';
      message.value = problem.detail ?? null;
      fieldErrors.value = problem.errors ?? [];
      return undefined;
    }
  }

  async function activateTwoFactor(token: string): Promise<void> {
    const body = await run(() => call(api.POST('/api/v1/auth/totp/activate', { body: { token } })));
    recoveryCodes.value = body?.recoveryCodes ?? [];
  }

  async function disableTwoFactor(token: string, password: string): Promise<void> {
    await run(() => call(api.POST('/api/v1/auth/totp/disable', { body: { token, password } })));
  }

  async function resetPassword(token: string, password: string): Promise<void> {
    await run(() => call(api.POST('/api/v1/auth/password/reset', { body: { token, password } })));
  }

  return { status, message, fieldErrors, recoveryCodes, reset, activateTwoFactor, disableTwoFactor, resetPassword };
});
