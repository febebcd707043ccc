import { type Ref, ref } from 'vue';

/**
 * A list read a keyset page at a time: `load()` replaces it with the first page,
 * `load(cursor)` appends the next. Only the newest load counts: an older answer arriving
 * late (a search typed on, a filter changed) must not replace a newer list.
 */
export function usePagedList<T>(page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null }>) {
  const items = ref([]) as Ref<T[]>;
  const nextCursor = ref<string | null>(null);
  let loads = 0;

  async function load(cursor?: string): Promise<void> {
    const mine = ++loads;
    const answer = await page(cursor);
    if (mine !== loads) return;
    items.value = cursor ? [...items.value, ...answer.items] : answer.items;
    nextCursor.value = answer.nextCursor ?? null;
  }

  return { items, nextCursor, load };
}
