import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLY_BOX_TALLIES_FUNCTION, REBUILD_BOX_TALLIES_SQL } from '../boxes/box-tallies';
import { createStatementTriggers, dropStatementTriggers } from './statement-triggers';

/**
 * Box counts from tallies kept in the move's transaction (docs/decisions/0007): the table,
 * the triggers that keep it whoever writes, and the two indexes Em espera is counted live
 * by — the processes with a waiting deadline, in a holder's hands or a unit's Secretaria.
 */
export class BoxTallies1765000000000 implements MigrationInterface {
  name = 'BoxTallies1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "box_tallies" (
        "unit_id" uuid NOT NULL,
        "location" text NOT NULL,
        "holder_id" uuid,
        "responsible_member_id" uuid,
        "secrecy_level" smallint NOT NULL,
        "processes" integer NOT NULL,
        "open_deadlines" integer NOT NULL,
        CONSTRAINT "UQ_box_tallies_key" UNIQUE NULLS NOT DISTINCT
          ("unit_id", "location", "holder_id", "responsible_member_id", "secrecy_level")
      )`);
    await q.query(`CREATE INDEX "IDX_box_tallies_holder" ON "box_tallies" ("holder_id") WHERE "holder_id" IS NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_box_tallies_responsible" ON "box_tallies" ("responsible_member_id") WHERE "responsible_member_id" IS NOT NULL`,
    );
    await q.query(APPLY_BOX_TALLIES_FUNCTION);
    await createStatementTriggers(q, 'TR_processes_tallies', 'processes', 'box_tallies_apply');
    await q.query(REBUILD_BOX_TALLIES_SQL);
    await q.query(
      `CREATE INDEX "IDX_processes_waiting_holder" ON "processes" ("holder_id", "waiting_until") WHERE "waiting_until" IS NOT NULL AND "holder_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_processes_waiting_unit" ON "processes" ("unit_id", "location", "waiting_until") WHERE "waiting_until" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_processes_waiting_unit"`);
    await q.query(`DROP INDEX "IDX_processes_waiting_holder"`);
    await dropStatementTriggers(q, 'TR_processes_tallies', 'processes');
    await q.query(`DROP FUNCTION "box_tallies_apply"()`);
    await q.query(`DROP TABLE "box_tallies"`);
  }
}
