import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RAF file's parts are stored as written, uncompressed (docs/performance.md, RAF
 * export): pglz — the only method our PostgreSQL build has — took as long to squeeze a
 * busy month's 14 MB as the whole rest of the export, inside the member's wait. The
 * files are few (a member's month, now and then again) and served as stored.
 */
export class RafPartsUncompressed1765100000000 implements MigrationInterface {
  name = 'RafPartsUncompressed1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "raf_export_parts" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "raf_export_parts" ALTER COLUMN "data" SET STORAGE EXTENDED`);
  }
}
