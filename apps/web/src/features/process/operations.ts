import { escapeHtml } from '@domain/html-text';
import type { Api, Schemas } from '../../api';

export type ProcessView = Schemas['ProcessViewDto'];
export type ProcessAction = NonNullable<ProcessView['allowedActions']>[number];

/** What an operation's form asks for. */
export interface OperationForm {
  userId?: string;
  unitId?: string;
  organ?: string;
  level?: number;
  justification?: string;
  description?: string;
  days?: number;
  movementCode?: string;
  note?: string;
  documentIds?: string[];
  /** Documentos avulsos waiting in the process's unit: inserted for good, or one linked as a draft. */
  standaloneIds?: string[];
  standaloneId?: string;
  memberId?: string;
  declarationId?: string;
  termId?: string;
  returnUnitId?: string;
  classCode?: string;
  portariaTitle?: string;
  /** Plain text, one paragraph a line: the portaria is made a draft for the member to sign. */
  portariaText?: string;
  originNumber?: string;
  principalNumber?: string;
  /** Found from principalNumber before sending (OperationDialog). */
  principalId?: string;
}

export type FieldKind = keyof OperationForm;

/**
 * The operations the process page offers, with the fields of each form, in the menu's
 * order. The server decides which apply (the view's allowedActions).
 */
export const MENU: readonly { action: MenuOperation; fields: readonly FieldKind[] }[] = [
  { action: 'conclude', fields: ['userId'] },
  { action: 'to-secretaria', fields: [] },
  { action: 'recover', fields: [] },
  { action: 'forward', fields: ['unitId'] },
  { action: 'send-external', fields: ['organ'] },
  { action: 'return-external', fields: [] },
  { action: 'move', fields: ['movementCode', 'note', 'documentIds'] },
  { action: 'insert-documents', fields: ['standaloneIds'] },
  { action: 'link-draft', fields: ['standaloneId'] },
  { action: 'priority', fields: [] },
  { action: 'deadlines', fields: ['description', 'days'] },
  { action: 'secrecy', fields: ['level', 'justification'] },
  { action: 'distribute', fields: ['memberId'] },
  { action: 'impediment', fields: ['declarationId', 'returnUnitId'] },
  { action: 'cancel-distribution', fields: ['termId'] },
  { action: 'convert', fields: ['classCode', 'portariaTitle', 'portariaText', 'originNumber'] },
  { action: 'attach', fields: ['principalNumber'] },
  { action: 'archive', fields: [] },
  { action: 'unarchive', fields: [] },
];

export type MenuOperation =
  | 'conclude'
  | 'to-secretaria'
  | 'recover'
  | 'forward'
  | 'send-external'
  | 'return-external'
  | 'move'
  | 'insert-documents'
  | 'link-draft'
  | 'priority'
  | 'deadlines'
  | 'secrecy'
  | 'distribute'
  | 'impediment'
  | 'cancel-distribution'
  | 'convert'
  | 'attach'
  | 'archive'
  | 'unarchive';

/** The menu for this viewer: what the server allows, in the menu's order. */
export function menuFor(view: ProcessView): typeof MENU {
  const allowed = new Set(view.allowedActions ?? []);
  return MENU.filter((entry) => allowed.has(entry.action));
}

/** Sends one operation with the version the page read; a stale version comes back 409. */
export function sendOperation(api: Api, view: ProcessView, action: MenuOperation, form: OperationForm) {
  const path = { params: { path: { id: view.id } } };
  const version = view.version;
  switch (action) {
    case 'conclude':
      return api.POST('/api/v1/processes/{id}/conclude', { ...path, body: { version, userId: form.userId ?? '' } });
    case 'to-secretaria':
      return api.POST('/api/v1/processes/{id}/to-secretaria', { ...path, body: { version } });
    case 'recover':
      return api.POST('/api/v1/processes/{id}/recover', { ...path, body: { version } });
    case 'forward':
      return api.POST('/api/v1/processes/{id}/forward', { ...path, body: { version, unitId: form.unitId ?? '' } });
    case 'send-external':
      return api.POST('/api/v1/processes/{id}/send-external', { ...path, body: { version, organ: form.organ ?? '' } });
    case 'return-external':
      return api.POST('/api/v1/processes/{id}/return-external', { ...path, body: { version } });
    case 'move':
      return api.POST('/api/v1/processes/{id}/move', {
        ...path,
        body: { version, movementCode: form.movementCode ?? '', description: form.note, documentIds: form.documentIds },
      });
    case 'insert-documents':
      return api.POST('/api/v1/processes/{id}/insert-documents', {
        ...path,
        body: { version, documentIds: form.standaloneIds ?? [] },
      });
    case 'link-draft':
      return api.POST('/api/v1/processes/{id}/link-draft', {
        ...path,
        body: { version, documentId: form.standaloneId ?? '' },
      });
    case 'priority':
      return api.POST('/api/v1/processes/{id}/priority', { ...path, body: { version, priority: !view.priority } });
    case 'deadlines':
      return api.POST('/api/v1/processes/{id}/deadlines', {
        ...path,
        body: { version, description: form.description ?? '', days: form.days, wait: true },
      });
    case 'secrecy':
      return api.POST('/api/v1/processes/{id}/secrecy', {
        ...path,
        body: { version, level: form.level ?? view.secrecyLevel, justification: form.justification },
      });
    case 'distribute':
      return api.POST('/api/v1/processes/{id}/distribute', {
        ...path,
        body: { version, memberId: form.memberId ?? '' },
      });
    case 'impediment':
      return api.POST('/api/v1/processes/{id}/impediment', {
        ...path,
        body: { version, documentId: form.declarationId ?? '', unitId: form.returnUnitId },
      });
    case 'cancel-distribution':
      return api.POST('/api/v1/processes/{id}/cancel-distribution', {
        ...path,
        body: { version, documentId: form.termId ?? '' },
      });
    case 'convert': {
      const text = form.portariaText?.trim();
      return api.POST('/api/v1/processes/{id}/convert', {
        ...path,
        body: {
          version,
          classCode: form.classCode ?? '',
          portaria: text ? { title: form.portariaTitle ?? '', content: paragraphs(text) } : undefined,
          originNumber: form.originNumber?.trim() || undefined,
        },
      });
    }
    case 'attach':
      return api.POST('/api/v1/processes/{id}/attach', {
        ...path,
        body: { version, principalId: form.principalId ?? '' },
      });
    case 'archive':
      return api.POST('/api/v1/processes/{id}/archive', { ...path, body: { version } });
    case 'unarchive':
      return api.POST('/api/v1/processes/{id}/unarchive', { ...path, body: { version } });
  }
}

/** Text typed line by line, as the rich text the server keeps: a paragraph a line. */
export function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line.trim())}</p>`)
    .join('');
}
