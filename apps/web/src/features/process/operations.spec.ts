import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../api/http';
import { call } from '../../api/problem';
import { fakeServer } from '../../testing/fake-server';
import { menuFor, paragraphs, type ProcessView, sendOperation } from './operations';

const view = (over: Partial<ProcessView> = {}) =>
  ({ id: 'p1', number: '058.2026.000001', version: 7, priority: false, secrecyLevel: 0, ...over }) as ProcessView;

describe('the operations menu', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers what the server allows, in the menu order, and nothing else', () => {
    const menu = menuFor(
      view({ allowedActions: ['archive', 'link-draft', 'conclude', 'draft', 'insert-documents', 'sign', 'lottery'] }),
    );
    expect(menu.map((m) => m.action)).toEqual(['conclude', 'insert-documents', 'link-draft', 'archive']);
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
    await call<unknown>(sendOperation(api, view(), 'insert-documents', { standaloneIds: ['s1', 's2'] }));
    await call<unknown>(sendOperation(api, view(), 'link-draft', { standaloneId: 's3' }));
    expect(server.calls.map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/processes/p1/conclude', { version: 7, userId: 'u2' }],
      ['/api/v1/processes/p1/priority', { version: 7, priority: false }],
      ['/api/v1/processes/p1/secrecy', { version: 7, level: 1, justification: 'Vítima menor' }],
      [
        '/api/v1/processes/p1/move',
        { version: 7, movementCode: '900031', description: 'Ofício expedido', documentIds: ['d1'] },
      ],
      ['/api/v1/processes/p1/insert-documents', { version: 7, documentIds: ['s1', 's2'] }],
      ['/api/v1/processes/p1/link-draft', { version: 7, documentId: 's3' }],
    ]);
  });

  it('converts with the portaria typed line by line, escaped, and attaches to the principal found', async () => {
    const server = fakeServer().on('POST', /\/api\/v1\/processes\/p1\/.+/, { status: 200, body: {} });
    const api = createApi();
    await call<unknown>(
      sendOperation(api, view(), 'convert', {
        classCode: 'PP',
        portariaTitle: 'Portaria de instauração',
        portariaText: 'Instauro o PP.\n\nNotifique-se <Fulano> & cia.',
      }),
    );
    await call<unknown>(
      sendOperation(api, view(), 'convert', { classCode: '65', originNumber: ' 0001234-56.2026.8.02.0001 ' }),
    );
    await call<unknown>(
      sendOperation(api, view(), 'attach', { principalNumber: '058.2026.000002', principalId: 'p2' }),
    );
    expect(server.calls.map((c) => c.body)).toEqual([
      {
        version: 7,
        classCode: 'PP',
        portaria: {
          title: 'Portaria de instauração',
          content: '<p>Instauro o PP.</p><p>Notifique-se &lt;Fulano&gt; &amp; cia.</p>',
        },
      },
      { version: 7, classCode: '65', originNumber: '0001234-56.2026.8.02.0001' },
      { version: 7, principalId: 'p2' },
    ]);
  });

  it('keeps no empty paragraph', () => {
    expect(paragraphs('  \n a \n\n b ')).toBe('<p>a</p><p>b</p>');
  });
});
