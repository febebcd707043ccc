import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Explicit permissions and denials (DOMAIN §4.3) and the access log (CNJ Res. 121/2010 art. 3). */
export class AccessRules1764200000000 implements MigrationInterface {
  name = 'AccessRules1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "access_rules" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid,
        "document_id" uuid,
        "user_id" uuid,
        "group_id" uuid,
        "effect" text NOT NULL,
        "level" smallint,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "granted_by" uuid NOT NULL,
        "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_access_rules" PRIMARY KEY ("id"),
        CONSTRAINT "FK_access_rules_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_access_rules_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_access_rules_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        -- A group that still carries a rule cannot vanish and silently lift a denial.
        CONSTRAINT "FK_access_rules_group" FOREIGN KEY ("group_id") REFERENCES "user_groups"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_access_rules_granted_by" FOREIGN KEY ("granted_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_access_rules_target" CHECK (num_nonnulls("process_id", "document_id") = 1),
        CONSTRAINT "CHK_access_rules_subject" CHECK (num_nonnulls("user_id", "group_id") = 1),
        CONSTRAINT "CHK_access_rules_effect" CHECK ("effect" IN ('ALLOW', 'DENY')),
        CONSTRAINT "CHK_access_rules_level" CHECK (("document_id" IS NULL) = ("level" IS NULL) AND ("level" IS NULL OR "level" BETWEEN 0 AND 5))
      )`);
    // One rule per subject and target: a change of mind is a removal and a new grant, each with its event.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_access_rules_target_subject" ON "access_rules" ("process_id", "document_id", "user_id", "group_id") NULLS NOT DISTINCT`,
    );
    await q.query(`CREATE INDEX "IDX_access_rules_user_id" ON "access_rules" ("user_id") WHERE "user_id" IS NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_access_rules_group_id" ON "access_rules" ("group_id") WHERE "group_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_access_rules_document_id" ON "access_rules" ("document_id") WHERE "document_id" IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE "access_log" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "user_id" uuid,
        "process_id" uuid NOT NULL,
        "document_id" uuid,
        "how" text NOT NULL,
        "secrecy_level" smallint NOT NULL,
        "unit_id" uuid NOT NULL,
        "own_unit" boolean NOT NULL,
        "ip" text,
        CONSTRAINT "PK_access_log" PRIMARY KEY ("id"),
        CONSTRAINT "FK_access_log_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_access_log_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "IDX_access_log_at" ON "access_log" ("at", "id")`);
    await q.query(`CREATE INDEX "IDX_access_log_process_at" ON "access_log" ("process_id", "at")`);
    await q.query(`CREATE INDEX "IDX_access_log_user_at" ON "access_log" ("user_id", "at")`);
    await q.query(`CREATE INDEX "IDX_access_log_unit_at" ON "access_log" ("unit_id", "at")`);
    // A log that can be edited proves nothing: rows are written once.
    await q.query(`
      CREATE FUNCTION "access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER "TR_access_log_append_only" BEFORE UPDATE OR DELETE ON "access_log"
      FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "access_log"`);
    await q.query(`DROP FUNCTION "access_log_append_only"()`);
    await q.query(`DROP TABLE "access_rules"`);
  }
}
