import { defineStore } from 'pinia';
import { ref } from 'vue';

export type DependencyStatus = 'up' | 'down' | 'disabled' | 'unknown';

export interface HealthReport {
  status: 'ok' | 'error';
  db: { status: DependencyStatus };
  redis: { status: DependencyStatus };
  worker: { status: DependencyStatus; lastSeenAt?: string };
}

/** The server's /health, as the status page shows it. */
export const useHealthStore = defineStore('health', () => {
  const report = ref<HealthReport | null>(null);
  const unreachable = ref(false);

  async function refresh(fetcher: typeof fetch = fetch): Promise<void> {
    try {
      const response = await fetcher('/health', { headers: { Accept: 'application/json' } });
      report.value = (await response.json()) as HealthReport;
      unreachable.value = false;
    } catch {
      report.value = null;
      unreachable.value = true;
    }
  }

  return { report, unreachable, refresh };
});
