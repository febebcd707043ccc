import type { RouteRecordRaw } from 'vue-router';

export const processRoutes: RouteRecordRaw[] = [
  { path: 'processos/novo', name: 'register-process', component: () => import('./views/RegisterProcessView.vue') },
  { path: 'processos/:id', name: 'process', component: () => import('./views/ProcessView.vue'), props: true },
];
