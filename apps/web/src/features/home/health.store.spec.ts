import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../testing/fake-server';
import { useHealthStore } from './health.store';

describe('useHealthStore', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the report the server sends, even a 503 one', async () => {
    const body = { status: 'error', db: { status: 'down' }, redis: { status: 'up' }, worker: { status: 'unknown' } };
    fakeServer().on('GET', '/health', { status: 503, body });
    const sut = useHealthStore();
    await sut.refresh();
    expect(sut.report).toEqual(body);
    expect(sut.unreachable).toBe(false);
  });

  it('says the server is unreachable when the request fails', async () => {
    fakeServer();
    const sut = useHealthStore();
    await sut.refresh();
    expect(sut.report).toBeNull();
    expect(sut.unreachable).toBe(true);
  });
});
