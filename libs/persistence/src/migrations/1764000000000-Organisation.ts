import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisation1764000000000 implements MigrationInterface {
  name = 'Organisation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "audit_records" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "actor_id" uuid,
        "action" text NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" text NOT NULL,
        "before" jsonb,
        "after" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_audit_records" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_audit_records_entity" ON "audit_records" ("entity_type", "entity_id")`);
    await q.query(`CREATE INDEX "IDX_audit_records_created_at" ON "audit_records" ("created_at")`);

    // One assignment per user and unit (ADMIN's institution-wide one included).
    await q.query(
      `CREATE UNIQUE INDEX "UQ_assignments_user_unit" ON "assignments" ("user_id", "unit_id") NULLS NOT DISTINCT`,
    );

    // The plantão roster; the exclusion constraint keeps a unit's periods apart even
    // when two managers write at the same moment.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE "duty_periods" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "unit_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_duty_periods" PRIMARY KEY ("id"),
        CONSTRAINT "FK_duty_periods_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_duty_periods_member" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_duty_periods_order" CHECK ("starts_at" < "ends_at"),
        CONSTRAINT "EX_duty_periods_overlap" EXCLUDE USING gist ("unit_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
      )`);

    await q.query(`
      CREATE TABLE "user_groups" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "unit_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "PK_user_groups" PRIMARY KEY ("id"),
        CONSTRAINT "FK_user_groups_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_user_groups_unit_name" ON "user_groups" ("unit_id", lower("name" COLLATE "und-x-icu")) NULLS NOT DISTINCT`,
    );
    await q.query(`
      CREATE TABLE "user_group_members" (
        "group_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "PK_user_group_members" PRIMARY KEY ("group_id", "user_id"),
        CONSTRAINT "FK_user_group_members_group" FOREIGN KEY ("group_id") REFERENCES "user_groups"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_user_group_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_user_group_members_user_id" ON "user_group_members" ("user_id")`);

    await q.query(`
      CREATE TABLE "distribution_groups" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "unit_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "PK_distribution_groups" PRIMARY KEY ("id"),
        CONSTRAINT "FK_distribution_groups_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_distribution_groups_unit_name" ON "distribution_groups" ("unit_id", lower("name" COLLATE "und-x-icu"))`,
    );
    await q.query(`
      CREATE TABLE "distribution_group_members" (
        "group_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "weight" numeric(5,2) NOT NULL DEFAULT 1,
        "starts_on" date,
        "ends_on" date,
        CONSTRAINT "PK_distribution_group_members" PRIMARY KEY ("group_id", "user_id"),
        CONSTRAINT "FK_distribution_group_members_group" FOREIGN KEY ("group_id") REFERENCES "distribution_groups"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_distribution_group_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_distribution_group_members_weight" CHECK ("weight" > 0),
        CONSTRAINT "CHK_distribution_group_members_dates" CHECK ("starts_on" IS NULL OR "ends_on" IS NULL OR "starts_on" <= "ends_on")
      )`);
    await q.query(`CREATE INDEX "IDX_distribution_group_members_user_id" ON "distribution_group_members" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "distribution_group_members"`);
    await q.query(`DROP TABLE "distribution_groups"`);
    await q.query(`DROP TABLE "user_group_members"`);
    await q.query(`DROP TABLE "user_groups"`);
    await q.query(`DROP TABLE "duty_periods"`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gist`);
    await q.query(`DROP INDEX "UQ_assignments_user_unit"`);
    await q.query(`DROP TABLE "audit_records"`);
  }
}
