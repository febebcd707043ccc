import { ref } from 'vue';
import type { DirectoryEntry } from '../../app/use-directory';

/** A permission or denial as the member wrote it, not yet saved. */
export interface RuleDraft {
  key: number;
  subject: DirectoryEntry;
  effect: 'ALLOW' | 'DENY';
  /** End of the day chosen, as an instant. */
  expiresAt?: string;
  justification?: string;
}

/**
 * The authorisation list as eproc has it: rules are included in a list first, shown apart
 * (and withdrawable, for one included by mistake), and written only when the member saves.
 */
export function usePendingRules() {
  const pending = ref<RuleDraft[]>([]);
  let next = 0;

  function include(draft: Omit<RuleDraft, 'key'>): void {
    pending.value = [...pending.value, { ...draft, key: next++ }];
  }

  function withdraw(key: number): void {
    pending.value = pending.value.filter((d) => d.key !== key);
  }

  /**
   * Writes each rule in order; each one written leaves the list, so after a refusal the
   * list holds exactly the rules still to save, the refused one first.
   */
  async function saveEach(write: (draft: RuleDraft) => Promise<unknown>): Promise<void> {
    for (const draft of [...pending.value]) {
      await write(draft);
      withdraw(draft.key);
    }
  }

  return { pending, include, withdraw, saveEach };
}
