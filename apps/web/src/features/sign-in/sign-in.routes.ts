import type { RouteRecordRaw } from 'vue-router';

export const signInRoutes: RouteRecordRaw[] = [
  { path: 'entrar', name: 'sign-in', component: () => import('./views/SignInView.vue') },
  { path: 'entrar/codigo', name: 'sign-in-code', component: () => import('./views/CodeView.vue') },
  { path: 'entrar/cadastro-2fa', name: 'enrollment', component: () => import('./views/EnrollmentView.vue') },
  { path: 'entrar/confira-seu-email', name: 'check-mail', component: () => import('./views/CheckMailView.vue') },
  { path: 'senha/esqueci', name: 'forgot-password', component: () => import('./views/ForgotPasswordView.vue') },
];

/** Inside the workspace: the browsers released from the code step. */
export const trustedDevicesRoutes: RouteRecordRaw[] = [
  { path: 'dispositivos', name: 'trusted-devices', component: () => import('./views/TrustedDevicesView.vue') },
];
