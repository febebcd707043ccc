import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

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

const readPools = new WeakMap<DataSource, Pool>();

/**
 * A small pool beside TypeORM's whose sessions always use the generic plan of a prepared
 * statement. PostgreSQL's default (`auto`) keeps re-planning the secrecy-heavy reads with
 * their values (measured: 10 ms a box count instead of 2.5), and the setting cannot be
 * made per statement; on TypeORM's own connections it would also give generic plans to
 * every unnamed statement, so it lives on connections of its own. Closed with the data source.
 */
function readPool(dataSource: DataSource): Pool {
  let pool = readPools.get(dataSource);
  if (!pool) {
    const master = (dataSource.driver as unknown as { master: { options: PoolConfig } }).master;
    const created = new Pool({
      ...master.options,
      max: Math.max(2, Math.ceil((master.options.max ?? 10) / 2)),
      options: '-c plan_cache_mode=force_generic_plan',
    });
    // An idle connection the server closed: the next query opens another (as TypeORM's pool does).
    created.on('error', () => undefined);
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      readPools.delete(dataSource);
      await created.end();
      return destroy();
    };
    readPools.set(dataSource, created);
    pool = created;
  }
  return pool;
}

/**
 * Runs `sql` as a named prepared statement: PostgreSQL parses it once per connection
 * instead of on every request. For the hot reads, whose secrecy predicates take longer to
 * plan (2–11 ms) than to run. Outside a transaction it runs on the generic-plan pool and
 * is planned once per connection too — right for reads whose best plan does not depend on
 * the values (an id, a viewer, an instant); `plan: 'auto'` leaves the choice to
 * PostgreSQL (a full-text search, whose best plan depends on how common the words are). The texts must come from a
 * bounded set — built from constants and placeholders, never from values — as each stays
 * prepared on its connection. Inside a transaction it runs on the transaction's
 * connection; errors come as TypeORM's QueryFailedError, as from `EntityManager.query`.
 */
export async function preparedQuery<T extends unknown[] = Record<string, unknown>[]>(
  db: EntityManager,
  sql: string,
  params: unknown[],
  options: { plan?: 'generic' | 'auto' } = {},
): Promise<T> {
  const run = async (client: PoolClient) => {
    try {
      return (await client.query({ name: statementName(sql), text: sql, values: params })).rows as T;
    } catch (error) {
      // As TypeORM's own query would: callers read constraint and abort codes from it.
      throw new QueryFailedError(sql, params, error as Error);
    }
  };
  if (db.queryRunner) return run((await db.queryRunner.connect()) as PoolClient);
  if ((options.plan ?? 'generic') === 'generic') {
    const client = await readPool(db.connection).connect();
    try {
      return await run(client);
    } finally {
      client.release();
    }
  }
  const runner = db.connection.createQueryRunner();
  try {
    return await run((await runner.connect()) as PoolClient);
  } finally {
    await runner.release();
  }
}
