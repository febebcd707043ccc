import type { LocationQuery } from 'vue-router';

/**
 * Where to go after signing in: the `next` the guard recorded, when it is a path of this
 * client — never another origin (`//host`, `https:`), which a crafted link could carry.
 */
export function nextPage(query: LocationQuery): string {
  const next = query.next;
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}
