import { RAF_ACTIVITY_KINDS } from '@acervo/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RAF (DOMAIN §8): members' non-procedural activities, and the exports — kept, in
 * parts, so a file of any size is written and served without holding it in memory.
 */
export class Raf1764500000000 implements MigrationInterface {
  name = 'Raf1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "raf_activity_kinds" (
        "code" text NOT NULL,
        "name" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        CONSTRAINT "PK_raf_activity_kinds" PRIMARY KEY ("code")
      )`);
    for (const { code, name } of RAF_ACTIVITY_KINDS) {
      await q.query(`INSERT INTO raf_activity_kinds (code, name) VALUES ($1, $2)`, [code, name]);
    }
    await q.query(`
      CREATE TABLE "raf_activities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "member_id" uuid NOT NULL,
        "unit_id" uuid NOT NULL,
        "occurred_on" date NOT NULL,
        "kind_code" text NOT NULL,
        "description" text NOT NULL,
        "quantity" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_raf_activities" PRIMARY KEY ("id"),
        CONSTRAINT "FK_raf_activities_member" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_raf_activities_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_raf_activities_kind" FOREIGN KEY ("kind_code") REFERENCES "raf_activity_kinds"("code") ON DELETE RESTRICT,
        CONSTRAINT "CHK_raf_activities_quantity" CHECK ("quantity" > 0)
      )`);
    await q.query(`CREATE INDEX "IDX_raf_activities_member" ON "raf_activities" ("member_id", "occurred_on")`);

    await q.query(`
      CREATE TABLE "raf_exports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "member_id" uuid NOT NULL,
        "month" text NOT NULL,
        "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sha256" text NOT NULL,
        "size" bigint NOT NULL,
        "event_count" integer NOT NULL,
        "activity_count" integer NOT NULL,
        "reexport" boolean NOT NULL,
        CONSTRAINT "PK_raf_exports" PRIMARY KEY ("id"),
        CONSTRAINT "FK_raf_exports_member" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_raf_exports_month" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
      )`);
    await q.query(
      `CREATE INDEX "IDX_raf_exports_member_month" ON "raf_exports" ("member_id", "month", "generated_at")`,
    );
    await q.query(`
      CREATE TABLE "raf_export_parts" (
        "export_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "data" bytea NOT NULL,
        CONSTRAINT "PK_raf_export_parts" PRIMARY KEY ("export_id", "seq"),
        CONSTRAINT "FK_raf_export_parts_export" FOREIGN KEY ("export_id") REFERENCES "raf_exports"("id") ON DELETE CASCADE
      )`);

    // The RAF reads a member's month: the events it performed, and those of the processes
    // distributed to it while the distribution was in force.
    await q.query(`CREATE INDEX "IDX_process_events_actor" ON "process_events" ("actor_id", "occurred_at")`);
    await q.query(`CREATE INDEX "IDX_process_events_process_time" ON "process_events" ("process_id", "occurred_at")`);
    await q.query(`CREATE INDEX "IDX_distributions_member" ON "distributions" ("member_id", "started_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_distributions_member"`);
    await q.query(`DROP INDEX "IDX_process_events_process_time"`);
    await q.query(`DROP INDEX "IDX_process_events_actor"`);
    await q.query(`DROP TABLE "raf_export_parts"`);
    await q.query(`DROP TABLE "raf_exports"`);
    await q.query(`DROP TABLE "raf_activities"`);
    await q.query(`DROP TABLE "raf_activity_kinds"`);
  }
}
