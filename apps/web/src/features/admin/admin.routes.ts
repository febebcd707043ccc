import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  { path: 'admin/orgaos', name: 'admin-units', component: () => import('./views/UnitsView.vue') },
  { path: 'admin/usuarios', name: 'admin-users', component: () => import('./views/UsersView.vue') },
  { path: 'admin/registros', name: 'admin-logs', component: () => import('./views/LogsView.vue') },
  { path: 'admin/grupos', name: 'admin-groups', component: () => import('./views/GroupsView.vue') },
  { path: 'admin/configuracoes', name: 'admin-settings', component: () => import('./views/SettingsView.vue') },
  { path: 'admin/catalogos', name: 'admin-catalogues', component: () => import('./views/CataloguesView.vue') },
  { path: 'admin/plantao', name: 'admin-duty', component: () => import('./views/DutyView.vue') },
];
