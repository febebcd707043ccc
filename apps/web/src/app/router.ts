import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { accountLinksRoutes } from '../features/account-links/account-links.routes';
import { adminRoutes } from '../features/admin/admin.routes';
import { attendancesRoutes, citizenRoutes } from '../features/attendances/attendances.routes';
import { boxesRoutes } from '../features/boxes/boxes.routes';
import { distributionRoutes } from '../features/distribution/distribution.routes';
import { documentsRoutes } from '../features/documents/documents.routes';
import { homeRoutes } from '../features/home/home.routes';
import { processRoutes } from '../features/process/process.routes';
import { publicRoutes } from '../features/public/public.routes';
import { rafRoutes } from '../features/raf/raf.routes';
import { searchRoutes } from '../features/search/search.routes';
import { signInRoutes, trustedDevicesRoutes } from '../features/sign-in/sign-in.routes';
import { templatesRoutes } from '../features/templates/templates.routes';
import { useSessionStore } from './session.store';

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: () => import('./WorkspaceLayout.vue'),
    meta: { signedIn: true },
    children: [
      { path: '', redirect: { name: 'box', params: { box: 'inbox' } } },
      ...boxesRoutes,
      ...processRoutes,
      ...searchRoutes,
      ...attendancesRoutes,
      ...rafRoutes,
      ...distributionRoutes,
      ...adminRoutes,
      ...documentsRoutes,
      ...templatesRoutes,
      ...trustedDevicesRoutes,
    ],
  },
  {
    path: '/',
    component: () => import('./PublicLayout.vue'),
    children: [...signInRoutes, ...accountLinksRoutes, ...homeRoutes, ...citizenRoutes, ...publicRoutes],
  },
  { path: '/:rest(.*)*', redirect: '/' },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  // A page of the workspace opens only in a session; after a reload the stored one goes on.
  router.beforeEach(async (to) => {
    if (!to.matched.some((r) => r.meta.signedIn)) return true;
    if (await useSessionStore().restore()) return true;
    return { name: 'sign-in', query: { next: to.fullPath } };
  });
  return router;
}
