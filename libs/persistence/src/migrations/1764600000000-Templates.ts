import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates (DOMAIN §7): the institution's (no unit) and each unit's, versioned — an edit
 * adds a version, and a document made from a template keeps which version made it.
 */
export class Templates1764600000000 implements MigrationInterface {
  name = 'Templates1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "templates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "type_code" text NOT NULL,
        "unit_id" uuid,
        "current_version" integer NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_templates" PRIMARY KEY ("id"),
        CONSTRAINT "FK_templates_type" FOREIGN KEY ("type_code") REFERENCES "document_types"("code") ON DELETE RESTRICT,
        CONSTRAINT "FK_templates_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_templates_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_templates_unit_name" ON "templates" ("unit_id", lower("name" COLLATE "und-x-icu")) NULLS NOT DISTINCT`,
    );
    await q.query(`
      CREATE TABLE "template_versions" (
        "template_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "name" text NOT NULL,
        "body" text NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_template_versions" PRIMARY KEY ("template_id", "version"),
        CONSTRAINT "FK_template_versions_template" FOREIGN KEY ("template_id") REFERENCES "templates"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_template_versions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE "template_documents" (
        "document_id" uuid NOT NULL,
        "template_id" uuid NOT NULL,
        "template_version" integer NOT NULL,
        CONSTRAINT "PK_template_documents" PRIMARY KEY ("document_id"),
        CONSTRAINT "FK_template_documents_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_template_documents_version" FOREIGN KEY ("template_id", "template_version")
          REFERENCES "template_versions"("template_id", "version") ON DELETE RESTRICT
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "template_documents"`);
    await q.query(`DROP TABLE "template_versions"`);
    await q.query(`DROP TABLE "templates"`);
  }
}
