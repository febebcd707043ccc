import { call, useApi } from '../api';

/** The process a typed number names, among those the viewer sees; null when none. */
export async function processIdByNumber(number: string): Promise<string | null> {
  const wanted = number.trim();
  if (!wanted) return null;
  const found = await call(useApi().GET('/api/v1/processes', { params: { query: { number: wanted, limit: 1 } } }));
  return found.items.find((p) => p.number === wanted)?.id ?? null;
}
