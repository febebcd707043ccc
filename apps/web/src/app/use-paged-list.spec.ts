import { describe, expect, it } from 'vitest';
import { usePagedList } from './use-paged-list';

/** A page answered when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(usePagedList.name, () => {
  it('replaces the list with a first page and appends the next ones', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      first: { items: [1, 2], nextCursor: 'c2' },
      c2: { items: [3], nextCursor: null },
    };
    const list = usePagedList(async (cursor) => pages[cursor ?? 'first']);
    await list.load();
    expect([list.items.value, list.nextCursor.value]).toEqual([[1, 2], 'c2']);
    await list.load('c2');
    expect([list.items.value, list.nextCursor.value]).toEqual([[1, 2, 3], null]);
    await list.load();
    expect(list.items.value).toEqual([1, 2]);
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const older = deferred<{ items: string[] }>();
    const newer = deferred<{ items: string[] }>();
    const answers = [older.promise, newer.promise];
    const list = usePagedList(() => answers.shift()!);
    const first = list.load();
    const second = list.load();
    newer.resolve({ items: ['newer'] });
    await second;
    older.resolve({ items: ['older'] });
    await first;
    expect(list.items.value).toEqual(['newer']);
  });
});
