import { createRouter, createWebHistory } from 'vue-router';
import { accountLinksRoutes } from '../features/account-links/account-links.routes';
import { homeRoutes } from '../features/home/home.routes';

export function createAppRouter() {
  return createRouter({ history: createWebHistory(), routes: [...homeRoutes, ...accountLinksRoutes] });
}
