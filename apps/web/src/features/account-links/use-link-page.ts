import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAccountLinksStore } from './account-links.store';
import { takeLinkToken } from './link-token';

/** What every page opened by a mailed link starts with: a fresh store and the link's token. */
export function useLinkPage() {
  const { t } = useI18n();
  const links = useAccountLinksStore();
  links.reset();
  const token = ref(takeLinkToken());
  return { t, links, token };
}
