import { call, type Schemas, useApi } from '../../api';
import { dateTime } from '../../app/format';
import { documentHtml } from './editor-html';

export type PendingStandalone = Schemas['PendingStandaloneDto'];

/** What Protocolo types about a documento avulso; its content is the text, or a PDF when one is chosen. */
export interface StandaloneFields {
  unitId: string;
  typeCode: string;
  title: string;
  html: string;
  pdf: File | null;
}

/**
 * The documentos avulsos waiting to join a process that concern the viewer — addressed to
 * their units or registered by them —, of one unit when it is named, newest first.
 */
export function pendingStandalone(query: { unitId?: string; cursor?: string; limit?: number } = {}) {
  return call(useApi().GET('/api/v1/documents/standalone', { params: { query } }));
}

/** How a waiting document is offered when a process takes it in: enough to tell two replies apart. */
export function standaloneOption(d: PendingStandalone): { value: string; label: string } {
  return { value: d.id, label: `${d.title} — ${d.typeName}, ${dateTime(d.createdAt)}` };
}

/** Registers it by Protocolo: the PDF as received, or the text typed in the editor. */
export function registerStandalone(fields: StandaloneFields) {
  const api = useApi();
  const { unitId, typeCode, title, pdf } = fields;
  if (!pdf) {
    return call(
      api.POST('/api/v1/documents', { body: { unitId, typeCode, title, content: documentHtml(fields.html) } }),
    );
  }
  return call(
    api.POST('/api/v1/documents/upload', {
      body: { file: pdf as unknown as string, unitId, typeCode, title },
      bodySerializer: () => {
        const data = new FormData();
        data.append('file', pdf);
        data.append('unitId', unitId);
        data.append('typeCode', typeCode);
        data.append('title', title);
        return data;
      },
    }),
  );
}
