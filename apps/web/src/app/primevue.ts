import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import type { App } from 'vue';
import type { createAppI18n } from './i18n';

/**
 * PrimeVue, styled by its Aura theme, speaking Portuguese: its own labels (table
 * paging, dialogs, the editor's aria labels) come from the `primevue` messages.
 */
/** Aura in the institution's navy instead of its default green. */
const AcervoTheme = definePreset(Aura, {
  semantic: {
    primary: Object.fromEntries(
      [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950].map((shade) => [shade, `{blue.${shade}}`]),
    ),
  },
});

export function installPrimeVue(app: App, i18n: ReturnType<typeof createAppI18n>): void {
  const messages = i18n.global.getLocaleMessage('pt-BR').primevue;
  app.use(PrimeVue, {
    theme: { preset: AcervoTheme, options: { darkModeSelector: false, cssLayer: false } },
    locale: messages,
  });
  app.use(ToastService);
  app.use(ConfirmationService);
}
