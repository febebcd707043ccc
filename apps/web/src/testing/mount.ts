import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../app/i18n';

/**
 * Mounts a component as the app runs it: Pinia, the Portuguese messages, PrimeVue
 * (unstyled: jsdom draws nothing) and a router that knows every route name as a blank page.
 * `before` runs with the fresh Pinia active, to fill stores the component reads as it mounts.
 */
export async function mountWithApp(component: Component, props: Record<string, unknown> = {}, before?: () => void) {
  const pinia = createPinia();
  setActivePinia(pinia);
  before?.();
  const blank = { template: '<div />' };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      'box',
      'process',
      'document',
      'new-draft',
      'sign-in',
      'sign-in-code',
      'enrollment',
      'check-mail',
      'forgot-password',
    ].map((name) => ({ path: `/${name}/:box?/:id?/:processId?`, name, component: blank })),
  });
  await router.push('/box/inbox');
  const wrapper = mount(component, {
    props,
    global: {
      plugins: [pinia, createAppI18n(), router, [PrimeVue, { unstyled: true }], ToastService, ConfirmationService],
    },
  });
  return { wrapper, router, pinia };
}

/** Lets pending promises and the DOM updates they cause settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
