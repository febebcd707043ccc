import { MOVEMENTS } from '@acervo/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const MOVEMENT_TYPES = [MOVEMENTS.CITATION_RECEIVED, MOVEMENTS.INTIMATION_RECEIVED];

/** Incoming citations and intimations (POST /communications), and the movements that record them. */
export class Communications1764400000100 implements MigrationInterface {
  name = 'Communications1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "communications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "urgent" boolean NOT NULL,
        "unit_id" uuid NOT NULL,
        "process_id" uuid NOT NULL,
        "route" text NOT NULL,
        "routed_to_user_id" uuid,
        "event_sequence" integer NOT NULL,
        "external_id" text,
        "description" text,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "received_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_communications" PRIMARY KEY ("id"),
        CONSTRAINT "FK_communications_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_communications_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_communications_routed_to_user" FOREIGN KEY ("routed_to_user_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_communications_received_by" FOREIGN KEY ("received_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_communications_kind" CHECK ("kind" IN ('CITATION', 'INTIMATION')),
        CONSTRAINT "CHK_communications_route" CHECK ("route" IN ('CHIEF', 'ON_DUTY', 'RESPONSIBLE', 'SECRETARIA')),
        CONSTRAINT "CHK_communications_routed_to_user" CHECK (("route" = 'SECRETARIA') = ("routed_to_user_id" IS NULL))
      )`);
    // The integrator's id makes a resent communication a replay, not a second one.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_communications_external_id" ON "communications" ("external_id") WHERE "external_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_communications_process_id" ON "communications" ("process_id")`);
    // The Catalogues migration seeds every code the domain names, so on a new database these exist already.
    for (const { code, name } of MOVEMENT_TYPES) {
      await q.query(
        `INSERT INTO movement_types (code, name, version) VALUES ($1, $2, 1) ON CONFLICT (code) DO NOTHING`,
        [code, name],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "communications"`);
    // A code some event was written with stays: the history must keep naming its movements.
    await q.query(
      `DELETE FROM movement_types m WHERE m.code = ANY($1) AND NOT EXISTS (SELECT 1 FROM process_events e WHERE e.code = m.code)`,
      [MOVEMENT_TYPES.map((m) => m.code)],
    );
  }
}
