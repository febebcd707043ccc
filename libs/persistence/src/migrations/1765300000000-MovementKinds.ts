import { SYSTEM_MOVEMENT_CODES } from '@acervo/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The taxonomy says which movements a person records ("Movimentar") and which only their
 * own operation writes (DOMAIN §3; docs/processes.md): `manual`. The types an administrator
 * adds are manual (the default); the codes the domain names, but the generic Movimentação,
 * are not.
 */
export class MovementKinds1765300000000 implements MigrationInterface {
  name = 'MovementKinds1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "movement_types" ADD COLUMN "manual" boolean NOT NULL DEFAULT true`);
    await q.query(`UPDATE "movement_types" SET "manual" = false WHERE "code" = ANY($1)`, [SYSTEM_MOVEMENT_CODES]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "movement_types" DROP COLUMN "manual"`);
  }
}
