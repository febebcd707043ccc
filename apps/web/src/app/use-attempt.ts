import { ref } from 'vue';
import { useProblemText } from './problem-text';

/** A form's request: while it runs, and what went wrong, in the user's words. */
export function useAttempt(options: Parameters<typeof useProblemText>[0] = {}) {
  const problemText = useProblemText(options);
  const error = ref<string | null>(null);
  const working = ref(false);

  /** Runs the request; a refusal is shown, never thrown. True when it went through. */
  async function attempt(request: () => Promise<unknown>): Promise<boolean> {
    working.value = true;
    error.value = null;
    try {
      await request();
      return true;
    } catch (e) {
      error.value = problemText(e);
      return false;
    } finally {
      working.value = false;
    }
  }

  return { error, working, attempt };
}
