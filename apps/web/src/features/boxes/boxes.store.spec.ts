import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../testing/fake-server';
import { bulkOperationsOf } from './boxes';
import { useBoxesStore } from './boxes.store';

const item = (n: number, over: object = {}) => ({
  id: `p${n}`,
  number: `058.2026.00000${n}`,
  version: n,
  priority: false,
  deadlineState: 'NONE',
  classCode: 'NF',
  subjectCode: '10011',
  summary: '',
  unitId: 'u',
  location: 'CONCLUSO',
  holderId: 'me',
  since: '2026-11-23T10:00:00Z',
  secrecyLevel: 0,
  ...over,
});

/** Three pages of one item each, chained by cursor. */
function pagedServer() {
  return fakeServer()
    .on('GET', '/api/v1/boxes/inbox', (c) => {
      const cursor = new URLSearchParams(c.path.split('?')[1]).get('cursor');
      const n = cursor ? Number(cursor.slice(1)) : 1;
      // As the server does: the total with the first page only.
      return {
        status: 200,
        body: { items: [item(n)], nextCursor: n < 3 ? `c${n + 1}` : null, ...(cursor ? {} : { total: 3 }) },
      };
    })
    .on('GET', '/api/v1/boxes', { status: 200, body: [{ box: 'inbox', count: 3 }] });
}

describe('useBoxesStore', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('pages forward and back by the server cursors, never skipping or repeating', async () => {
    pagedServer();
    const boxes = useBoxesStore();
    await boxes.open('inbox', {});
    const seen = [boxes.items[0].id];
    await boxes.nextPage();
    seen.push(boxes.items[0].id);
    await boxes.nextPage();
    seen.push(boxes.items[0].id);
    expect(seen).toEqual(['p1', 'p2', 'p3']);
    expect(boxes.total).toBe(3);
    expect(boxes.nextCursor).toBeNull();
    await boxes.previousPage();
    expect(boxes.items[0].id).toBe('p2');
    await boxes.previousPage();
    expect(boxes.items[0].id).toBe('p1');
    expect(boxes.pageNumber).toBe(0);
  });

  it('shows only the latest request’s answer when answers cross', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    fakeServer()
      .on('GET', '/api/v1/boxes/outbox', { status: 200, body: { items: [item(9)], nextCursor: null, total: 1 } })
      .on('GET', '/api/v1/boxes/inbox', { status: 200, body: { items: [item(1)], nextCursor: null, total: 1 } });
    const boxes = useBoxesStore();
    const original = globalThis.fetch;
    vi.stubGlobal('fetch', async (r: Request) => {
      if (new URL(r.url).pathname.endsWith('/outbox')) await slow;
      return original(r);
    });
    const first = boxes.open('outbox', {});
    await boxes.open('inbox', {});
    release();
    await first;
    expect(boxes.box).toBe('inbox');
    expect(boxes.items.map((i) => i.id)).toEqual(['p1']);
  });

  it('sends the filters it was given, and none that are empty', async () => {
    const server = pagedServer();
    await useBoxesStore().open('inbox', { number: '0001', classCode: '', sort: 'date' });
    expect(server.calls[0].path).toBe('/api/v1/boxes/inbox?limit=50&number=0001&sort=date');
  });

  it('runs a bulk operation item by item with each version, and reports the refused ones', async () => {
    const server = pagedServer().on('POST', /\/priority$/, (c) =>
      c.path.includes('p2')
        ? { status: 403, body: { status: 403, detail: 'Você não pode movimentar este processo.' } }
        : { status: 200, body: {} },
    );
    const boxes = useBoxesStore();
    await boxes.open('inbox', {});
    const result = await boxes.runBulk('priority-on', [item(1), item(2)] as never);
    expect(result.done).toBe(1);
    expect(result.refused).toMatchObject([{ number: '058.2026.000002' }]);
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { version: 1, priority: true },
      { version: 2, priority: true },
    ]);
  });

  it('offers no bulk operation where rows are documents', () => {
    expect(bulkOperationsOf('drafts')).toEqual([]);
    expect(bulkOperationsOf('inbox')).toContain('to-secretaria');
    expect(bulkOperationsOf('archived')).not.toContain('to-secretaria');
  });
});
