import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { nextPage } from '../../app/next-page';
import { useAttempt } from '../../app/use-attempt';
import { useSignInStore } from './sign-in.store';

/** What every step of signing in shares: the store, the page it leads to, and its error. */
export function useSignInStep() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const signIn = useSignInStore();
  const { error, working, attempt } = useAttempt();

  /** The page the sign-in was for (recorded by the guard), never outside the client. */
  const next = () => nextPage(route.query);

  /** Without the previous step behind it (a reload), a step has nothing to answer: start over. */
  const restart = () => router.replace({ name: 'sign-in', query: route.query });

  return { t, router, signIn, error, working, attempt, next, restart };
}
