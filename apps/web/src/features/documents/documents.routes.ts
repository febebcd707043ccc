import type { RouteRecordRaw } from 'vue-router';

export const documentsRoutes: RouteRecordRaw[] = [
  {
    path: 'processos/:processId/minutas/nova',
    name: 'new-draft',
    component: () => import('./views/DraftEditorView.vue'),
    props: true,
  },
  {
    path: 'documentos-avulsos',
    name: 'standalone-documents',
    component: () => import('./views/StandaloneDocumentsView.vue'),
  },
  { path: 'documentos/:id', name: 'document', component: () => import('./views/DraftEditorView.vue'), props: true },
];
