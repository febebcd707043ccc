import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes two read paths were missing. The Saída reads departures newest first and stops at
 * a page: its custody indexes end with the row id, the tie-breaker of that order. The
 * process view and GET /processes/{id}/deadlines list every deadline of one process, closed
 * ones too, which the partial index of the running ones does not cover.
 */
export class ReadPathIndexes1764400000200 implements MigrationInterface {
  name = 'ReadPathIndexes1764400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_process_custody_outbox"`);
    await q.query(
      `CREATE INDEX "IDX_process_custody_outbox" ON "process_custody" ("holder_id", "to_at" DESC, "id" DESC) WHERE "to_at" IS NOT NULL`,
    );
    await q.query(`DROP INDEX "IDX_process_custody_unit_outbox"`);
    await q.query(
      `CREATE INDEX "IDX_process_custody_unit_outbox" ON "process_custody" ("unit_id", "to_at" DESC, "id" DESC) WHERE "to_at" IS NOT NULL AND "holder_id" IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_deadlines_process" ON "deadlines" ("process_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_deadlines_process"`);
    await q.query(`DROP INDEX "IDX_process_custody_unit_outbox"`);
    await q.query(
      `CREATE INDEX "IDX_process_custody_unit_outbox" ON "process_custody" ("unit_id", "to_at" DESC) WHERE "to_at" IS NOT NULL AND "holder_id" IS NULL`,
    );
    await q.query(`DROP INDEX "IDX_process_custody_outbox"`);
    await q.query(
      `CREATE INDEX "IDX_process_custody_outbox" ON "process_custody" ("holder_id", "to_at" DESC) WHERE "to_at" IS NOT NULL`,
    );
  }
}
