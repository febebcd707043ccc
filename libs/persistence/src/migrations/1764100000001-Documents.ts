import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1764100000001 implements MigrationInterface {
  name = 'Documents1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "documents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid,
        "unit_id" uuid NOT NULL,
        "type_code" text NOT NULL,
        "title" text NOT NULL,
        "format" text NOT NULL,
        "html" text,
        "secrecy_level" smallint NOT NULL DEFAULT 0,
        "status" text NOT NULL DEFAULT 'DRAFT',
        "standalone" boolean NOT NULL DEFAULT false,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "signed_by" uuid,
        "signed_at" TIMESTAMP WITH TIME ZONE,
        "sha256" text,
        "trashed_at" TIMESTAMP WITH TIME ZONE,
        "trashed_by" uuid,
        "version" integer NOT NULL,
        CONSTRAINT "PK_documents" PRIMARY KEY ("id"),
        CONSTRAINT "FK_documents_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_documents_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_documents_type" FOREIGN KEY ("type_code") REFERENCES "document_types"("code") ON DELETE RESTRICT,
        CONSTRAINT "FK_documents_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_documents_signed_by" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_documents_trashed_by" FOREIGN KEY ("trashed_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_documents_format" CHECK ("format" IN ('HTML', 'PDF')),
        CONSTRAINT "CHK_documents_status" CHECK ("status" IN ('DRAFT', 'SIGNED')),
        CONSTRAINT "CHK_documents_secrecy_level" CHECK ("secrecy_level" BETWEEN 0 AND 5),
        CONSTRAINT "CHK_documents_signed" CHECK (("status" = 'SIGNED') = ("signed_at" IS NOT NULL AND "sha256" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX "IDX_documents_process_id" ON "documents" ("process_id")`);
    await q.query(`CREATE INDEX "IDX_documents_unit_standalone" ON "documents" ("unit_id") WHERE "process_id" IS NULL`);
    // A signed document's content never changes again: the database itself refuses it.
    await q.query(`
      CREATE FUNCTION "documents_signed_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'SIGNED' AND (NEW.html IS DISTINCT FROM OLD.html OR NEW.sha256 IS DISTINCT FROM OLD.sha256
            OR NEW.signed_at IS DISTINCT FROM OLD.signed_at OR NEW.signed_by IS DISTINCT FROM OLD.signed_by
            OR NEW.status <> OLD.status OR NEW.format <> OLD.format) THEN
          RAISE EXCEPTION 'a signed document is frozen' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TR_documents_signed_frozen" BEFORE UPDATE ON "documents"
      FOR EACH ROW EXECUTE FUNCTION "documents_signed_frozen"()`);
    await q.query(`
      CREATE TABLE "document_files" (
        "document_id" uuid NOT NULL,
        "content_type" text NOT NULL,
        "size" integer NOT NULL,
        "sha256" text NOT NULL,
        "content" bytea NOT NULL,
        CONSTRAINT "PK_document_files" PRIMARY KEY ("document_id"),
        CONSTRAINT "FK_document_files_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "document_files"`);
    await q.query(`DROP TRIGGER "TR_documents_signed_frozen" ON "documents"`);
    await q.query(`DROP TABLE "documents"`);
    await q.query(`DROP FUNCTION "documents_signed_frozen"()`);
  }
}
