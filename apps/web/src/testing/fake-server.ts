import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Reply = { status: number; body?: unknown } | ((call: Call) => { status: number; body?: unknown });

/**
 * Stands in for the API at the fetch boundary: each request is recorded and answered by
 * the first reply registered for its method and path (a function, or a fixed answer).
 * Without a reply the request fails as a network error would.
 */
export function fakeServer() {
  const calls: Call[] = [];
  const replies: { method: string; path: string | RegExp; reply: Reply }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = await request.text();
      const call: Call = {
        method: request.method,
        path: url.pathname + url.search,
        body: text ? JSON.parse(text) : undefined,
        authorization: request.headers.get('Authorization'),
      };
      calls.push(call);
      const found = replies.find(
        (r) =>
          r.method === call.method &&
          (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
      );
      if (!found) throw new TypeError('network');
      const { status, body } = typeof found.reply === 'function' ? found.reply(call) : found.reply;
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
  return {
    calls,
    on(method: string, path: string | RegExp, reply: Reply) {
      replies.push({ method, path, reply });
      return this;
    },
  };
}
