import type { QueryRunner } from 'typeorm';

const EVENTS = [
  ['insert', 'INSERT', 'NEW TABLE AS new_rows'],
  ['update', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'DELETE', 'OLD TABLE AS old_rows'],
] as const;

/**
 * One AFTER … FOR EACH STATEMENT trigger per kind of write, named `<name>_insert` and so on,
 * each handing `fn` its transition tables (`new_rows`, `old_rows`): a bulk write pays the
 * function once, not once per row.
 */
export async function createStatementTriggers(q: QueryRunner, name: string, table: string, fn: string): Promise<void> {
  for (const [suffix, event, tables] of EVENTS) {
    await q.query(`CREATE TRIGGER "${name}_${suffix}" AFTER ${event} ON "${table}"
      REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`);
  }
}

export async function dropStatementTriggers(q: QueryRunner, name: string, table: string): Promise<void> {
  for (const [suffix] of EVENTS) await q.query(`DROP TRIGGER "${name}_${suffix}" ON "${table}"`);
}
