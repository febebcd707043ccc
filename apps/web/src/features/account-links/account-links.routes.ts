import type { RouteRecordRaw } from 'vue-router';

/** The pages e-mailed links open (paths fixed by the API's mails). */
export const accountLinksRoutes: RouteRecordRaw[] = [
  { path: '2fa/ativar', name: 'totp-activate', component: () => import('./views/TwoFactorActivateView.vue') },
  { path: '2fa/desativar', name: 'totp-disable', component: () => import('./views/TwoFactorDisableView.vue') },
  { path: 'senha/redefinir', name: 'password-reset', component: () => import('./views/PasswordResetView.vue') },
];
