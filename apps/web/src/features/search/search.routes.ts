import type { RouteRecordRaw } from 'vue-router';

export const searchRoutes: RouteRecordRaw[] = [
  { path: 'busca', name: 'search', component: () => import('./views/SearchView.vue') },
];
