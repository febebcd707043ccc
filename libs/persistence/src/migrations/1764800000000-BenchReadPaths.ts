import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read paths `pnpm bench` found slow at office scale (docs/performance.md). The sidebar's
 * Minutas pendentes and Lixeira counts scanned every document for the few drafts and
 * trashed ones: each gets a partial index of its own. Full-text search lists newest first:
 * with an index in that order the planner can walk it and stop at a page for a common
 * word, and keep the GIN bitmap for a rare one.
 */
export class BenchReadPaths1764800000000 implements MigrationInterface {
  name = 'BenchReadPaths1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_documents_drafts" ON "documents" ("process_id") WHERE "status" = 'DRAFT' AND "trashed_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_documents_trashed" ON "documents" ("process_id") WHERE "trashed_at" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_processes_registered" ON "processes" ("registered_at" DESC, "id" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_processes_registered"`);
    await q.query(`DROP INDEX "IDX_documents_trashed"`);
    await q.query(`DROP INDEX "IDX_documents_drafts"`);
  }
}
