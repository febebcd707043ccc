import { describe, expect, it } from 'vitest';
import { mountWithApp } from '../testing/mount';
import DeadlineBadge from './DeadlineBadge.vue';
import SecrecyBadge from './SecrecyBadge.vue';

describe('DeadlineBadge', () => {
  it('says "Prazo vencido" in words, not by colour alone', async () => {
    const { wrapper } = await mountWithApp(DeadlineBadge, { state: 'EXPIRED' });
    expect(wrapper.text()).toBe('Prazo vencido');
  });

  it('gives the due date of a running deadline, and says nothing without one', async () => {
    const running = await mountWithApp(DeadlineBadge, { state: 'PENDING', dueAt: '2026-12-01T15:00:00Z' });
    expect(running.wrapper.text()).toBe('Prazo até 01/12/2026');
    const none = await mountWithApp(DeadlineBadge, { state: 'NONE' });
    expect(none.wrapper.text()).toBe('');
  });
});

describe('SecrecyBadge', () => {
  it('names the level, and shows nothing for a public process', async () => {
    expect((await mountWithApp(SecrecyBadge, { level: 1 })).wrapper.text()).toBe('Nível 1 — segredo de justiça');
    expect((await mountWithApp(SecrecyBadge, { level: 0 })).wrapper.text()).toBe('');
  });
});
