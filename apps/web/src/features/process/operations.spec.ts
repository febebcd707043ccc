import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../api/http';
import { call } from '../../api/problem';
import { fakeServer } from '../../testing/fake-server';
import { menuFor, type ProcessView, sendOperation } from './operations';

const view = (over: Partial<ProcessView> = {}) =>
  ({ id: 'p1', number: '058.2026.000001', version: 7, priority: false, secrecyLevel: 0, ...over }) as ProcessView;

describe('the operations menu', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers what the server allows, in the menu order, and nothing else', () => {
    const menu = menuFor(view({ allowedActions: ['archive', 'conclude', 'draft', 'sign', 'lottery'] }));
    expect(menu.map((m) => m.action)).toEqual(['conclude', 'archive']);
    expect(menuFor(view({ allowedActions: [] }))).toEqual([]);
  });

  it('sends the version read, and the form of each operation', async () => {
    const server = fakeServer().on('POST', /\/api\/v1\/processes\/p1\/.+/, { status: 200, body: {} });
    const api = createApi();
    await call<unknown>(sendOperation(api, view(), 'conclude', { userId: 'u2' }));
    await call<unknown>(sendOperation(api, view({ priority: true }), 'priority', {}));
    await call<unknown>(sendOperation(api, view(), 'secrecy', { level: 1, justification: 'Vítima menor' }));
    await call<unknown>(
      sendOperation(api, view(), 'move', { movementCode: '900031', note: 'Ofício expedido', documentIds: ['d1'] }),
    );
    expect(server.calls.map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/processes/p1/conclude', { version: 7, userId: 'u2' }],
      ['/api/v1/processes/p1/priority', { version: 7, priority: false }],
      ['/api/v1/processes/p1/secrecy', { version: 7, level: 1, justification: 'Vítima menor' }],
      [
        '/api/v1/processes/p1/move',
        { version: 7, movementCode: '900031', description: 'Ofício expedido', documentIds: ['d1'] },
      ],
    ]);
  });
});
