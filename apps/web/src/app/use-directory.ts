import { ref } from 'vue';
import { call, type Schemas, useApi } from '../api';

export type DirectoryEntry = { type: 'USER' | 'GROUP'; id: string; label: string };

/**
 * Finding users or groups by name (GET /directory) for an AutoComplete: at least three
 * letters, and only the latest search's answer shows (answers arrive in any order).
 */
export function useDirectorySearch(onError: (error: unknown) => void) {
  const suggestions = ref<DirectoryEntry[]>([]);
  let latest = 0;

  async function search(query: string, type: 'USER' | 'GROUP'): Promise<void> {
    const request = ++latest;
    if (query.trim().length < 3) return void (suggestions.value = []);
    let found: Schemas['DirectoryDto'];
    try {
      found = await call(useApi().GET('/api/v1/directory', { params: { query: { q: query.trim() } } }));
    } catch (e) {
      if (request === latest) onError(e);
      return;
    }
    if (request !== latest) return;
    suggestions.value =
      type === 'USER'
        ? found.users.map((u) => ({ type, id: u.id, label: `${u.fullName} (${u.units.join(', ')})` }))
        : found.groups.map((g) => ({ type, id: g.id, label: g.unit ? `${g.name} (${g.unit})` : g.name }));
  }

  return { suggestions, search };
}
