import { defineStore } from 'pinia';
import { ref } from 'vue';
import { createApi, type Schemas } from '../../api/http';
import { call } from '../../api/problem';
import { useSessionStore } from '../../app/session.store';

/** Where the password step leads. */
export type NextStep = 'signed-in' | 'code' | 'enrollment';

/**
 * The steps before a session exists: password, then the code (or the 2FA enrollment),
 * and the requests one makes when locked out. Tokens between steps live only here.
 */
export const useSignInStore = defineStore('sign-in', () => {
  const api = createApi();
  const username = ref('');
  const challengeToken = ref<string | null>(null);
  const enrollmentToken = ref<string | null>(null);
  const enrollment = ref<Schemas['EnrollmentResponse'] | null>(null);

  async function signIn(user: string, password: string): Promise<NextStep> {
    const answer = await call(api.POST('/api/v1/auth/login', { body: { username: user, password } }));
    username.value = user;
    if (answer.status === 'authenticated') {
      await useSessionStore().start({ accessToken: answer.accessToken!, refreshToken: answer.refreshToken! });
      return 'signed-in';
    }
    if (answer.status === 'enrollment_required') {
      enrollmentToken.value = answer.enrollmentToken!;
      return 'enrollment';
    }
    challengeToken.value = answer.challengeToken!;
    return 'code';
  }

  /** The code (or a recovery code) after the password; `trustDevice` releases this browser. */
  async function verify(answer: { code: string } | { recoveryCode: string }, trustDevice: boolean): Promise<void> {
    const tokens = await call(
      api.POST('/api/v1/auth/totp/verify', { body: { challengeToken: challengeToken.value!, trustDevice, ...answer } }),
    );
    challengeToken.value = null;
    await useSessionStore().start(tokens);
  }

  async function startEnrollment(): Promise<void> {
    enrollment.value = await call(
      api.POST('/api/v1/auth/totp/enrollment', { body: { enrollmentToken: enrollmentToken.value! } }),
    );
  }

  async function confirmEnrollment(code: string, email: string): Promise<void> {
    await call(
      api.POST('/api/v1/auth/totp/enrollment/confirm', {
        body: { enrollmentToken: enrollmentToken.value!, code, email },
      }),
    );
    enrollmentToken.value = null;
    enrollment.value = null;
  }

  /** "Desativar 2FA": the server mails a link to the enrollment e-mail (or says nothing). */
  async function requestDisable(): Promise<void> {
    await call(api.POST('/api/v1/auth/totp/disable-request', { body: { username: username.value } }));
  }

  async function forgotPassword(user: string, email: string): Promise<void> {
    await call(api.POST('/api/v1/auth/password/forgot', { body: { username: user, email } }));
  }

  return {
    username,
    challengeToken,
    enrollmentToken,
    enrollment,
    signIn,
    verify,
    startEnrollment,
    confirmEnrollment,
    requestDisable,
    forgotPassword,
  };
});
