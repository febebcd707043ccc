import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, type Schemas, useApi } from '../../api';
import type { BoxName, BulkOperation } from './boxes';

export type BoxItem = Schemas['BoxItemDto'];
export type BoxQuery = {
  number?: string;
  classCode?: string;
  subjectCode?: string;
  deadlineState?: 'NONE' | 'PENDING' | 'EXPIRED';
  sort?: 'priority' | 'date';
};

export const PAGE_SIZE = 50;

/**
 * The sidebar's counts and the open box's page. Pages follow the server's keyset
 * cursors: going back re-reads a cursor already seen, so the list never skips or repeats.
 */
export const useBoxesStore = defineStore('boxes', () => {
  const counts = ref<Partial<Record<BoxName, number>>>({});
  const box = ref<BoxName>('inbox');
  const query = ref<BoxQuery>({});
  const items = ref<BoxItem[]>([]);
  const total = ref<number | null>(null);
  const loading = ref(false);
  /** The cursors that opened the pages before this one, and the one after it. */
  const cursors = ref<(string | undefined)[]>([]);
  const nextCursor = ref<string | null>(null);
  const pageNumber = computed(() => cursors.value.length);

  async function refreshCounts(): Promise<void> {
    const list = await call(useApi().GET('/api/v1/boxes'));
    counts.value = Object.fromEntries(list.map((c) => [c.box, c.count]));
  }

  /** Answers arrive in any order: only the latest request's may show. */
  let latest = 0;

  async function read(cursor: string | undefined): Promise<boolean> {
    const request = ++latest;
    loading.value = true;
    try {
      const page = await call(
        useApi().GET('/api/v1/boxes/{box}', {
          params: {
            path: { box: box.value },
            query: { limit: PAGE_SIZE, cursor, ...withoutEmpty(query.value) },
          },
        }),
      );
      if (request !== latest) return false;
      items.value = page.items;
      // The server counts on the first page only.
      if (page.total !== undefined) total.value = page.total;
      nextCursor.value = page.nextCursor ?? null;
      return true;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** Opens a box (or the same box with other filters) at its first page. */
  async function open(name: BoxName, filters: BoxQuery = query.value): Promise<void> {
    box.value = name;
    query.value = filters;
    cursors.value = [];
    total.value = null;
    await read(undefined);
  }

  async function nextPage(): Promise<void> {
    if (!nextCursor.value) return;
    const after = nextCursor.value;
    if (await read(after)) cursors.value = [...cursors.value, after];
  }

  async function previousPage(): Promise<void> {
    if (cursors.value.length === 0) return;
    const before = cursors.value.slice(0, -1);
    if (await read(before.at(-1))) cursors.value = before;
  }

  async function reload(): Promise<void> {
    await Promise.all([read(cursors.value.at(-1)), refreshCounts()]);
  }

  /** Runs an operation over the selection; answers how many were done and the refusals. */
  async function runBulk(operation: BulkOperation, selection: BoxItem[]): Promise<BulkResult> {
    const api = useApi();
    const result: BulkResult = { done: 0, refused: [] };
    for (const item of selection) {
      const path = { params: { path: { id: item.id } } };
      const version = item.version;
      try {
        if (operation === 'to-secretaria') {
          await call(api.POST('/api/v1/processes/{id}/to-secretaria', { ...path, body: { version } }));
        } else {
          const priority = operation === 'priority-on';
          await call(api.POST('/api/v1/processes/{id}/priority', { ...path, body: { version, priority } }));
        }
        result.done += 1;
      } catch (error) {
        result.refused.push({ number: item.number, error });
      }
    }
    await reload();
    return result;
  }

  return {
    counts,
    box,
    query,
    items,
    total,
    loading,
    nextCursor,
    pageNumber,
    refreshCounts,
    open,
    nextPage,
    previousPage,
    reload,
    runBulk,
  };
});

export interface BulkResult {
  done: number;
  refused: { number: string; error: unknown }[];
}

function withoutEmpty(query: BoxQuery): BoxQuery {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as BoxQuery;
}
