import { defineStore } from 'pinia';
import { ref } from 'vue';
import { createApi, type Schemas } from '../../api/http';

export type HealthReport = Schemas['HealthReport'];

/** The server's /health, as the status page shows it (a 503 report is still a report). */
export const useHealthStore = defineStore('health', () => {
  const api = createApi();
  const report = ref<HealthReport | null>(null);
  const unreachable = ref(false);

  async function refresh(): Promise<void> {
    try {
      const { data, error } = await api.GET('/health');
      report.value = (data ?? error) as HealthReport;
      unreachable.value = false;
    } catch {
      report.value = null;
      unreachable.value = true;
    }
  }

  return { report, unreachable, refresh };
});
