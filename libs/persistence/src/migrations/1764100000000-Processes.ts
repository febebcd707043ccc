import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Processes1764100000000 implements MigrationInterface {
  name = 'Processes1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // One counter per unit code and year; its row lock makes numbers gap-free and unique:
    // a registration that rolls back gives its number back with it.
    await q.query(`
      CREATE TABLE "process_number_sequences" (
        "unit_code" text NOT NULL,
        "year" integer NOT NULL,
        "last_value" integer NOT NULL,
        CONSTRAINT "PK_process_number_sequences" PRIMARY KEY ("unit_code", "year")
      )`);
    await q.query(`
      CREATE TABLE "processes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "number" text NOT NULL,
        "class_code" text NOT NULL,
        "subject_code" text NOT NULL,
        "summary" text NOT NULL,
        "origin_number" text,
        "creating_unit_id" uuid NOT NULL,
        "unit_id" uuid NOT NULL,
        "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "registered_by" uuid NOT NULL,
        "old_process" boolean NOT NULL DEFAULT false,
        "instaurated_on" date,
        "priority" boolean NOT NULL DEFAULT false,
        "secrecy_level" smallint NOT NULL DEFAULT 0,
        "responsible_member_id" uuid,
        "location" text NOT NULL DEFAULT 'SECRETARIA',
        "holder_id" uuid,
        "located_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "external_organ" text,
        "principal_id" uuid,
        "access_key" text NOT NULL,
        "event_count" integer NOT NULL DEFAULT 0,
        "search" tsvector NOT NULL,
        "version" integer NOT NULL,
        CONSTRAINT "PK_processes" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_processes_number" UNIQUE ("number"),
        CONSTRAINT "FK_processes_creating_unit" FOREIGN KEY ("creating_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_processes_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_processes_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_processes_responsible_member" FOREIGN KEY ("responsible_member_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_processes_holder" FOREIGN KEY ("holder_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_processes_principal" FOREIGN KEY ("principal_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_processes_secrecy_level" CHECK ("secrecy_level" BETWEEN 0 AND 5),
        CONSTRAINT "CHK_processes_location" CHECK ("location" IN ('SECRETARIA', 'CONCLUSO', 'EXTERNAL', 'ARCHIVED', 'ATTACHED')),
        CONSTRAINT "CHK_processes_holder" CHECK (("location" = 'CONCLUSO') = ("holder_id" IS NOT NULL))
      )`);
    // The boxes: a unit's processes by location, priority first, oldest first.
    await q.query(
      `CREATE INDEX "IDX_processes_box_unit" ON "processes" ("unit_id", "location", "priority" DESC, "located_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "IDX_processes_box_holder" ON "processes" ("holder_id", "priority" DESC, "located_at", "id") WHERE "holder_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_processes_responsible" ON "processes" ("responsible_member_id") WHERE "responsible_member_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_processes_search" ON "processes" USING gin ("search")`);
    await q.query(
      `CREATE INDEX "IDX_processes_principal" ON "processes" ("principal_id") WHERE "principal_id" IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE "process_parties" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "name" text NOT NULL,
        "type" text NOT NULL,
        "document" text,
        "secret" boolean NOT NULL DEFAULT false,
        CONSTRAINT "PK_process_parties" PRIMARY KEY ("id"),
        CONSTRAINT "FK_process_parties_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_process_parties_process_id" ON "process_parties" ("process_id")`);

    // The history: numbered per process, never updated (the trigger refuses it).
    await q.query(`
      CREATE TABLE "process_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid NOT NULL,
        "sequence" integer NOT NULL,
        "code" text NOT NULL,
        "actor_id" uuid,
        "unit_id" uuid NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "details" jsonb NOT NULL DEFAULT '{}',
        "document_ids" uuid array NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_process_events" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_process_events_sequence" UNIQUE ("process_id", "sequence"),
        CONSTRAINT "FK_process_events_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_process_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_process_events_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE FUNCTION "process_events_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'process events are immutable' USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER "TR_process_events_immutable" BEFORE UPDATE OR DELETE ON "process_events"
      FOR EACH ROW EXECUTE FUNCTION "process_events_immutable"()`);

    // Custody: who (or which Secretaria) had the process and until when — the Saída box.
    await q.query(`
      CREATE TABLE "process_custody" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid NOT NULL,
        "unit_id" uuid NOT NULL,
        "holder_id" uuid,
        "from_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "to_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_process_custody" PRIMARY KEY ("id"),
        CONSTRAINT "FK_process_custody_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_process_custody_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_process_custody_holder" FOREIGN KEY ("holder_id") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "IDX_process_custody_process_id" ON "process_custody" ("process_id")`);
    await q.query(
      `CREATE INDEX "IDX_process_custody_outbox" ON "process_custody" ("holder_id", "to_at" DESC) WHERE "to_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_process_custody_unit_outbox" ON "process_custody" ("unit_id", "to_at" DESC) WHERE "to_at" IS NOT NULL AND "holder_id" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "process_custody"`);
    await q.query(`DROP TRIGGER "TR_process_events_immutable" ON "process_events"`);
    await q.query(`DROP TABLE "process_events"`);
    await q.query(`DROP FUNCTION "process_events_immutable"()`);
    await q.query(`DROP TABLE "process_parties"`);
    await q.query(`DROP TABLE "processes"`);
    await q.query(`DROP TABLE "process_number_sequences"`);
  }
}
