import { describe, expect, it } from 'vitest';
import { nextPage } from './next-page';

describe(nextPage.name, () => {
  it('returns to the page the guard recorded', () => {
    expect(nextPage({ next: '/processos/p1?x=1' })).toBe('/processos/p1?x=1');
  });

  it('never leaves the client for another origin, nor follows anything but a path', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', null]) {
      expect(nextPage({ next })).toBe('/');
    }
    expect(nextPage({ next: ['/a', '/b'] })).toBe('/');
    expect(nextPage({})).toBe('/');
  });
});
