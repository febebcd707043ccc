import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHealthStore } from './health.store';

describe('useHealthStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the report the server sends, even a 503 one', async () => {
    const sut = useHealthStore();
    const body = { status: 'error', db: { status: 'down' }, redis: { status: 'up' }, worker: { status: 'unknown' } };
    await sut.refresh(async () => new Response(JSON.stringify(body), { status: 503 }));
    expect(sut.report).toEqual(body);
    expect(sut.unreachable).toBe(false);
  });

  it('says the server is unreachable when the request fails', async () => {
    const sut = useHealthStore();
    await sut.refresh(async () => {
      throw new TypeError('network');
    });
    expect(sut.report).toBeNull();
    expect(sut.unreachable).toBe(true);
  });
});
