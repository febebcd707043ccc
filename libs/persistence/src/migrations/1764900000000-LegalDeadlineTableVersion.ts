import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal-deadline table is replaced as a whole (PUT /legal-deadlines): one version for
 * the whole table, so a replacement made from a stale read is refused (409) rather than
 * silently undoing another administrator's. One row, by construction.
 */
export class LegalDeadlineTableVersion1764900000000 implements MigrationInterface {
  name = 'LegalDeadlineTableVersion1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "legal_deadline_table" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "version" integer NOT NULL DEFAULT 1)`,
    );
    await q.query(`INSERT INTO "legal_deadline_table" DEFAULT VALUES`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "legal_deadline_table"`);
  }
}
