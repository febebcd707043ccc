import type { RouteRecordRaw } from 'vue-router';

export const processRoutes: RouteRecordRaw[] = [
  { path: 'processos/:id', name: 'process', component: () => import('./views/ProcessView.vue'), props: true },
];
