import type { DataSource } from 'typeorm';

// Any constant shared by every replica: only one of them migrates at a time.
const MIGRATION_LOCK = 7_310_222;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several API replicas
 * starting together neither race nor fail; returns the names that ran. Holds one pooled
 * connection for the lock while migrating on another: the pool needs at least two.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Reverts the latest migration (pnpm migrate down). */
export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
}

/**
 * The SQL TypeORM would run to make the schema match the entities; empty when the
 * migrations and the entities agree. A test fails on any difference.
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
