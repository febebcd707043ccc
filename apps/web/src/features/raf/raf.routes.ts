import { MEMBER_PROFILES } from '@domain/organisation/assignments';
import type { RouteRecordRaw } from 'vue-router';

export const rafRoutes: RouteRecordRaw[] = [
  { path: 'raf', name: 'raf', component: () => import('./views/RafView.vue') },
];

/** The RAF is a member's, of its own month (docs/raf.md). */
export const RAF_PROFILES: readonly string[] = MEMBER_PROFILES;
