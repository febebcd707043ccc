import type { RouteRecordRaw } from 'vue-router';
import { isBox } from './boxes';

export const boxesRoutes: RouteRecordRaw[] = [
  {
    path: 'caixas/:box',
    name: 'box',
    component: () => import('./views/BoxView.vue'),
    beforeEnter: (to) => isBox(to.params.box) || { name: 'box', params: { box: 'inbox' } },
  },
];
