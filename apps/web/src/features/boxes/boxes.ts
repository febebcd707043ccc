import type { Schemas } from '../../api';

export type BoxName = Schemas['BoxCountDto']['box'];

/** The boxes of DOMAIN §3.1, in the sidebar's order. */
export const BOXES: readonly BoxName[] = [
  'inbox',
  'waiting',
  'outbox',
  'secretaria',
  'conclusos',
  'deadlines',
  'distributed-to-me',
  'drafts',
  'external',
  'archived',
  'trash',
];

export function isBox(name: unknown): name is BoxName {
  return typeof name === 'string' && (BOXES as readonly string[]).includes(name);
}

/** Rows of these boxes are documents, not processes: nothing to operate on in bulk. */
const DOCUMENT_ROWS: readonly BoxName[] = ['drafts', 'trash'];

/**
 * The operations a box offers over a selection, each run process by process with its own
 * version (the server judges each; one refused never stops the others).
 */
export function bulkOperationsOf(box: BoxName): readonly BulkOperation[] {
  if (DOCUMENT_ROWS.includes(box)) return [];
  const priority: BulkOperation[] = ['priority-on', 'priority-off'];
  return box === 'inbox' || box === 'conclusos' ? [...priority, 'to-secretaria'] : priority;
}

export type BulkOperation = 'priority-on' | 'priority-off' | 'to-secretaria';
