import type { RouteRecordRaw } from 'vue-router';

/** Without signing in: the public consultation of a process (DOMAIN §4.1). */
export const publicRoutes: RouteRecordRaw[] = [
  { path: 'consulta/processo', name: 'public-consultation', component: () => import('./views/PublicProcessView.vue') },
];
