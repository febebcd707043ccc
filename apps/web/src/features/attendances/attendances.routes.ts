import type { RouteRecordRaw } from 'vue-router';

export const attendancesRoutes: RouteRecordRaw[] = [
  { path: 'atendimentos', name: 'attendances', component: () => import('./views/AttendancesView.vue') },
  { path: 'atendimentos/novo', name: 'new-attendance', component: () => import('./views/NewAttendanceView.vue') },
  { path: 'atendimentos/:id', name: 'attendance', component: () => import('./views/AttendanceView.vue'), props: true },
  {
    path: 'relatorios/reclamacoes',
    name: 'complaints-report',
    component: () => import('./views/ComplaintsReportView.vue'),
  },
];

/** Without signing in: the citizen's consultation by protocol and CPF. */
export const citizenRoutes: RouteRecordRaw[] = [
  { path: 'consulta/atendimento', name: 'citizen-consultation', component: () => import('./views/CitizenView.vue') },
];
