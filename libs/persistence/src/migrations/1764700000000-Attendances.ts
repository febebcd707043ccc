import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance and complaints intake (DOMAIN §10): a citizen's visit or call, or a consumer's
 * complaint against a supplier, numbered per unit and year for the citizen's protocol; the
 * documents received, kept until the attendance becomes (or joins) a process.
 */
export class Attendances1764700000000 implements MigrationInterface {
  name = 'Attendances1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "attendance_number_sequences" (
        "unit_code" text NOT NULL,
        "year" integer NOT NULL,
        "last_value" integer NOT NULL,
        CONSTRAINT "PK_attendance_number_sequences" PRIMARY KEY ("unit_code", "year")
      )`);
    await q.query(`
      CREATE TABLE "attendances" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "protocol" text NOT NULL,
        "unit_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "person_name" text NOT NULL,
        "person_cpf" text NOT NULL,
        "person_contact" text,
        "subject_code" text NOT NULL,
        "account" text NOT NULL,
        "supplier_cnpj" text,
        "supplier_name" text,
        "complaint_category" text,
        "staff_id" uuid NOT NULL,
        "attended_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome" text,
        "process_id" uuid,
        "outcome_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL,
        CONSTRAINT "PK_attendances" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_attendances_protocol" UNIQUE ("protocol"),
        CONSTRAINT "CHK_attendances_kind" CHECK ("kind" IN ('VISIT', 'COMPLAINT')),
        CONSTRAINT "CHK_attendances_outcome" CHECK (
          ("outcome" IS NULL AND "process_id" IS NULL AND "outcome_at" IS NULL)
          OR ("outcome" IN ('CONVERTED', 'ATTACHED') AND "process_id" IS NOT NULL AND "outcome_at" IS NOT NULL)),
        CONSTRAINT "CHK_attendances_supplier" CHECK (
          ("kind" = 'COMPLAINT') = ("supplier_cnpj" IS NOT NULL AND "complaint_category" IS NOT NULL)),
        CONSTRAINT "FK_attendances_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_attendances_subject" FOREIGN KEY ("subject_code") REFERENCES "subjects"("code") ON DELETE RESTRICT,
        CONSTRAINT "FK_attendances_staff" FOREIGN KEY ("staff_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_attendances_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT
      )`);
    // The unit's list, newest first; the supplier report by CNPJ and period.
    await q.query(`CREATE INDEX "IDX_attendances_unit" ON "attendances" ("unit_id", "attended_at" DESC, "id" DESC)`);
    await q.query(
      `CREATE INDEX "IDX_attendances_supplier" ON "attendances" ("supplier_cnpj", "attended_at") WHERE "kind" = 'COMPLAINT'`,
    );
    await q.query(`
      CREATE TABLE "attendance_files" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "attendance_id" uuid NOT NULL,
        "title" text NOT NULL,
        "size" integer NOT NULL,
        "sha256" text NOT NULL,
        "content" bytea,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "document_id" uuid,
        CONSTRAINT "PK_attendance_files" PRIMARY KEY ("id"),
        -- Once joined to the process the file lives there only, under its secrecy.
        CONSTRAINT "CHK_attendance_files_kept_once" CHECK (("content" IS NULL) = ("document_id" IS NOT NULL)),
        CONSTRAINT "FK_attendance_files_attendance" FOREIGN KEY ("attendance_id") REFERENCES "attendances"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_attendance_files_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "IDX_attendance_files_attendance" ON "attendance_files" ("attendance_id")`);
    // What a citizen hands in becomes, with the process, a document of this type.
    await q.query(
      `INSERT INTO "document_types" ("code", "name", "active", "decisory", "version")
       VALUES ('DOCUMENTO_RECEBIDO', 'Documento recebido em atendimento', true, false, 1)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "document_types" WHERE "code" = 'DOCUMENTO_RECEBIDO'`);
    await q.query(`DROP TABLE "attendance_files"`);
    await q.query(`DROP TABLE "attendances"`);
    await q.query(`DROP TABLE "attendance_number_sequences"`);
  }
}
