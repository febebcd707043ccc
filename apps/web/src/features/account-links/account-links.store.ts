import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type FieldProblem, postJson } from '../../api/client';

export type LinkStatus = 'idle' | 'working' | 'done' | 'failed';

/**
 * What the pages opened by e-mailed links do: activate 2FA, disable it, set a password.
 * Each POSTs the link's token once; the answer (or the problem) is kept for the page.
 */
export const useAccountLinksStore = defineStore('account-links', () => {
  const status = ref<LinkStatus>('idle');
  const message = ref<string | null>(null);
  const fieldErrors = ref<FieldProblem[]>([]);
  const recoveryCodes = ref<string[]>([]);

  /** Each page starts afresh: the state of another link's page must not show on this one. */
  function reset(): void {
    status.value = 'idle';
    message.value = null;
    fieldErrors.value = [];
    recoveryCodes.value = [];
  }

  async function run<T>(path: string, body: object, fetcher?: typeof fetch): Promise<T | undefined> {
    status.value = 'working';
    message.value = null;
    fieldErrors.value = [];
    const result = await postJson<T>(path, body, fetcher);
    if (result.ok) {
      status.value = 'done';
      return result.body;
    }
    status.value = 'failed';
    message.value = result.problem.detail ?? null;
    fieldErrors.value = result.problem.errors ?? [];
    return undefined;
  }

  async function activateTwoFactor(token: string, fetcher?: typeof fetch): Promise<void> {
    const body = await run<{ recoveryCodes: string[] }>('/auth/totp/activate', { token }, fetcher);
    recoveryCodes.value = body?.recoveryCodes ?? [];
  }

  async function disableTwoFactor(token: string, password: string, fetcher?: typeof fetch): Promise<void> {
    await run('/auth/totp/disable', { token, password }, fetcher);
  }

  async function resetPassword(token: string, password: string, fetcher?: typeof fetch): Promise<void> {
    await run('/auth/password/reset', { token, password }, fetcher);
  }

  return { status, message, fieldErrors, recoveryCodes, reset, activateTwoFactor, disableTwoFactor, resetPassword };
});
