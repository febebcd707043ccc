import { foldCase } from '@acervo/persistence';
import type { DataSource } from 'typeorm';
import { decodeCursor, type PageQuery } from './pagination';

/**
 * One keyset page of ids from a table of named things kept by a unit (user groups,
 * distribution groups), ordered by name without regard to case or accents' capitals.
 * The sort key comes from SQL, so the cursor compares exactly as the ORDER BY sorts.
 */
export async function pageOfIds(
  db: DataSource,
  table: 'user_groups' | 'distribution_groups',
  query: PageQuery & { unitId?: string },
): Promise<{ id: string; sort_key: string }[]> {
  const key = foldCase('g.name');
  const params: unknown[] = [query.limit + 1];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.unitId) where.push(`g.unit_id = ${bind(query.unitId)}`);
  const after = decodeCursor(query.cursor);
  if (after) where.push(`(${key}, g.id) > (${bind(after.key)}, ${bind(after.id)}::uuid)`);
  return db.query(
    `SELECT g.id, ${key} AS sort_key FROM ${table} g ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${key}, g.id LIMIT $1`,
    params,
  );
}
