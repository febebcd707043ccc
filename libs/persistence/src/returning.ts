import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an `UPDATE … RETURNING …` and gives its rows. TypeORM's raw query() answers an
 * UPDATE with `[rows, count]` on PostgreSQL; wrapped in a CTE the statement is a SELECT,
 * whose answer is the rows alone.
 */
export function updateReturning<T>(
  db: Pick<DataSource | EntityManager, 'query'>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  return db.query(`WITH changed AS (${sql}) SELECT * FROM changed`, params);
}
