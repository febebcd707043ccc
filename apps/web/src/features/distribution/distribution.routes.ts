import type { RouteRecordRaw } from 'vue-router';

export const distributionRoutes: RouteRecordRaw[] = [
  { path: 'distribuicao', name: 'distribution-groups', component: () => import('./views/GroupsView.vue') },
  {
    path: 'distribuicao/:id',
    name: 'distribution-group',
    component: () => import('./views/GroupView.vue'),
    props: true,
  },
];
