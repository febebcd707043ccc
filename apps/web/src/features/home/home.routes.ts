import type { RouteRecordRaw } from 'vue-router';

export const homeRoutes: RouteRecordRaw[] = [
  { path: 'sistema', name: 'system-status', component: () => import('./views/SystemStatusView.vue') },
];
