import { createRouter, createWebHistory } from 'vue-router';
import { homeRoutes } from '../features/home/home.routes';

export function createAppRouter() {
  return createRouter({ history: createWebHistory(), routes: [...homeRoutes] });
}
