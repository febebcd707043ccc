import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../testing/fake-server';
import { mountWithApp, settle } from '../../../testing/mount';
import BoxSidebar from './BoxSidebar.vue';

describe('BoxSidebar', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every box of DOMAIN §3.1 with its count', async () => {
    fakeServer().on('GET', '/api/v1/boxes', {
      status: 200,
      body: [
        { box: 'inbox', count: 12 },
        { box: 'deadlines', count: 3 },
      ],
    });
    const { wrapper } = await mountWithApp(BoxSidebar);
    await settle();
    const links = wrapper.findAll('a').map((a) => a.text());
    expect(links).toHaveLength(11);
    expect(links[0]).toBe('Caixa de entrada12');
    expect(links).toContain('Prazos3');
    expect(links).toContain('Minutas pendentes');
    expect(wrapper.find('[aria-label="12 processos"]').exists()).toBe(true);
  });
});
