import { describe, expect, it } from 'vitest';
import { takeLinkToken } from './link-token';

function at(url: string) {
  const u = new URL(url);
  const replaced: string[] = [];
  const location = { hash: u.hash, pathname: u.pathname, search: u.search } as Location;
  const history = {
    state: null,
    replaceState: (_s: unknown, _t: string, path: string) => void replaced.push(path),
  } as unknown as History;
  return { location, history, replaced };
}

describe('takeLinkToken', () => {
  it('reads the token after # and wipes it from the address bar', () => {
    const { location, history, replaced } = at('https://acervo.example/senha/redefinir#token=abcdefghijklmnop_-12');
    expect(takeLinkToken(location, history)).toBe('abcdefghijklmnop_-12');
    expect(replaced).toEqual(['/senha/redefinir']);
  });

  it.each([
    'https://a.example/2fa/ativar',
    'https://a.example/2fa/ativar#token=short',
    'https://a.example/x#token=<script>alert(1)</script>',
  ])('gives nothing for %s', (url) => {
    const { location, history } = at(url);
    expect(takeLinkToken(location, history)).toBeNull();
  });
});
