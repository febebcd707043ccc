import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

const names = new Map<string, string>();

/** One name per statement text: the same text is the same prepared statement on every connection. */
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `acervo_${createHash('sha1').update(sql).digest('hex')}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs `sql` as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every request. For the hot reads, whose secrecy predicates take
 * longer to plan (1–11 ms) than to run. The texts must come from a bounded set — built
 * from constants and placeholders, never from values — as each stays prepared on its
 * connection. Inside a transaction it runs on the transaction's connection; errors come as
 * TypeORM's QueryFailedError, as from `EntityManager.query`.
 */
export async function preparedQuery<T extends unknown[] = Record<string, unknown>[]>(
  db: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T> {
  const runner = db.queryRunner ?? db.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    try {
      const result = await client.query({ name: statementName(sql), text: sql, values: params });
      return result.rows as T;
    } catch (error) {
      // As TypeORM's own query would: callers read constraint and abort codes from it.
      throw new QueryFailedError(sql, params, error as Error);
    }
  } finally {
    if (!db.queryRunner) await runner.release();
  }
}
