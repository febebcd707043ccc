import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useSessionStore } from './session.store';

/**
 * The secrecy levels the signed-in user may choose in a unit: up to the cap of its
 * profile there (DOMAIN §4.1). The institution's table may allow less; the server says so.
 */
export function useLevelOptions(unitId: Ref<string | null | undefined>) {
  const { t } = useI18n();
  const session = useSessionStore();
  return computed(() => {
    const caps = (session.me?.assignments ?? []).filter((a) => a.unitId === unitId.value).map((a) => a.secrecyCap);
    return Array.from({ length: Math.max(0, ...caps) + 1 }, (_, level) => ({
      value: level,
      label: `${level} — ${t(`secrecy.levels.${level}`)}`,
    }));
  });
}
