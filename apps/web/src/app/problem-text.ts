import { useI18n } from 'vue-i18n';
import { isStaleVersion, problemOf } from '../api/problem';

/**
 * What to tell the user about a failed call: a stale version means someone else changed
 * the process first; a refused field names itself; otherwise the server's own words.
 * Screens that edit something else than a process (`staleInServerWords`) let the server
 * say what changed ("O registro foi alterado por outra pessoa…").
 */
export function useProblemText(options: { staleInServerWords?: boolean } = {}) {
  const { t } = useI18n();
  return (error: unknown): string => {
    const problem = problemOf(error);
    if (problem.status === 0) return t('problems.offline');
    if (isStaleVersion(error)) return (options.staleInServerWords && problem.detail) || t('problems.stale');
    if (problem.status === 401) return problem.detail ?? t('problems.signedOut');
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
    if (fields.length) return fields.join('; ');
    return problem.detail ?? problem.title ?? t('problems.unknown', { status: problem.status });
  };
}
