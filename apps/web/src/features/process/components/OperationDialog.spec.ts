import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../testing/fake-server';
import { mountWithApp, settle } from '../../../testing/mount';
import { useProcessStore } from '../process.store';
import OperationDialog from './OperationDialog.vue';

const VIEW = { id: 'p1', number: '058.2026.000001', version: 4, priority: false, secrecyLevel: 0, unitId: 'u1' };

describe('OperationDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a stale version says someone changed the process and offers to reload it', async () => {
    const server = fakeServer()
      .on('POST', '/api/v1/processes/p1/to-secretaria', {
        status: 409,
        body: {
          status: 409,
          detail: 'O processo foi alterado por outra pessoa. Recarregue e tente de novo.',
          errors: [{ field: 'version', message: 'versão desatualizada' }],
        },
      })
      .on('GET', '/api/v1/processes/p1', { status: 200, body: { ...VIEW, version: 5 } });
    const { wrapper } = await mountWithApp(OperationDialog, { action: 'to-secretaria', fields: [] }, () => {
      useProcessStore().view = VIEW as never;
    });
    await settle();
    const form = document.body.querySelector('form')!;
    form.dispatchEvent(new Event('submit'));
    await settle();
    const alert = document.body.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Alguém alterou este processo');
    const reload = [...document.body.querySelectorAll('button')].find((b) => b.textContent?.includes('Recarregar'));
    reload!.click();
    await settle();
    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/processes/p1/to-secretaria',
      'GET /api/v1/processes/p1',
    ]);
    expect(useProcessStore().view?.version).toBe(5);
    wrapper.unmount();
  });

  it('offers whom to conclude to from the conclusion targets, with their profiles', async () => {
    const server = fakeServer().on('GET', '/api/v1/processes/p1/conclusion-targets', {
      status: 200,
      body: { items: [{ id: 'u2', fullName: 'Carla Menezes', profile: 'MEMBER' }] },
    });
    const { wrapper } = await mountWithApp(OperationDialog, { action: 'conclude', fields: ['userId'] }, () => {
      useProcessStore().view = VIEW as never;
    });
    await settle();
    expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/processes/p1/conclusion-targets']);
    expect(document.body.querySelector('#op-user-label')?.textContent).toBe('Concluir para');
    (document.body.querySelector('#op-user') as HTMLElement).click();
    await settle();
    expect([...document.body.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual([
      'Carla Menezes (Membro)',
    ]);
    wrapper.unmount();
  });
});
