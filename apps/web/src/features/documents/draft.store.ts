import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, type Schemas, useApi } from '../../api';
import { documentHtml } from './editor-html';

export type DocumentRecord = Schemas['DocumentDto'];
export interface DraftFields {
  typeCode: string;
  title: string;
  html: string;
}

/** The draft (minuta) being written: saved as new, edited on its version, then signed. */
export const useDraftStore = defineStore('draft', () => {
  const document = ref<DocumentRecord | null>(null);

  async function load(id: string): Promise<void> {
    document.value = await call(useApi().GET('/api/v1/documents/{id}', { params: { path: { id } } }));
  }

  function clear(): void {
    document.value = null;
  }

  /**
   * The first save creates the draft in the process; later ones edit the version read (a
   * documento avulso, with no process, only ever the latter).
   */
  async function save(processId: string | null, fields: DraftFields): Promise<DocumentRecord> {
    const api = useApi();
    const current = document.value;
    const content = documentHtml(fields.html);
    if (current) {
      document.value = await call(
        api.PATCH('/api/v1/documents/{id}', {
          params: { path: { id: current.id } },
          body: { version: current.version, title: fields.title, content },
        }),
      );
    } else if (processId) {
      document.value = await call(
        api.POST('/api/v1/processes/{id}/documents', {
          params: { path: { id: processId } },
          body: { typeCode: fields.typeCode, title: fields.title, content },
        }),
      );
    } else {
      throw new Error('A new draft is written in a process.');
    }
    return document.value;
  }

  async function sign(): Promise<void> {
    const current = document.value!;
    document.value = await call(
      useApi().POST('/api/v1/documents/{id}/sign', {
        params: { path: { id: current.id } },
        body: { version: current.version },
      }),
    );
  }

  return { document, load, clear, save, sign };
});
