import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrustedDevices1763900000001 implements MigrationInterface {
  name = 'TrustedDevices1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "trusted_devices" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "user_agent" text,
        "ip" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_trusted_devices" PRIMARY KEY ("id"),
        CONSTRAINT "FK_trusted_devices_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_trusted_devices_user_id" ON "trusted_devices" ("user_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_trusted_devices_token_hash" ON "trusted_devices" ("token_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "trusted_devices"`);
  }
}
