import type { RouteRecordRaw } from 'vue-router';

export const templatesRoutes: RouteRecordRaw[] = [
  { path: 'modelos', name: 'templates', component: () => import('./views/TemplatesView.vue') },
];
