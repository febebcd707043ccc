import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Authentication1763900000000 implements MigrationInterface {
  name = 'Authentication1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "users"
        ADD "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        ADD "totp_secret_enc" text,
        ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE,
        ADD "totp_email" text,
        ADD "totp_last_step" bigint,
        ADD "failed_attempts" integer NOT NULL DEFAULT 0,
        ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "ip" text,
        "user_agent" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_sessions_user_id" ON "sessions" ("user_id")`);
    await q.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "session_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "FK_refresh_tokens_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_refresh_tokens_session_id" ON "refresh_tokens" ("session_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash")`);
    await q.query(`
      CREATE TABLE "email_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "token_hash" text NOT NULL,
        "email" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_email_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "FK_email_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_email_tokens_user_id" ON "email_tokens" ("user_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_email_tokens_token_hash" ON "email_tokens" ("token_hash")`);
    await q.query(`
      CREATE TABLE "recovery_codes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "code_hash" text NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_recovery_codes" PRIMARY KEY ("id"),
        CONSTRAINT "FK_recovery_codes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_recovery_codes_user_id" ON "recovery_codes" ("user_id")`);
    await q.query(`
      CREATE TABLE "security_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid,
        "kind" text NOT NULL,
        "ip" text,
        "user_agent" text,
        "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_security_events" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_security_events_user_id" ON "security_events" ("user_id")`);
    await q.query(`CREATE INDEX "IDX_security_events_created_at" ON "security_events" ("created_at")`);
    await q.query(`
      CREATE TABLE "ip_login_failures" (
        "ip" text NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "failures" integer NOT NULL,
        CONSTRAINT "PK_ip_login_failures" PRIMARY KEY ("ip")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ip_login_failures"`);
    await q.query(`DROP TABLE "security_events"`);
    await q.query(`DROP TABLE "recovery_codes"`);
    await q.query(`DROP TABLE "email_tokens"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`
      ALTER TABLE "users"
        DROP COLUMN "locked_until",
        DROP COLUMN "failed_attempts",
        DROP COLUMN "totp_last_step",
        DROP COLUMN "totp_email",
        DROP COLUMN "totp_enabled_at",
        DROP COLUMN "totp_secret_enc",
        DROP COLUMN "password_changed_at"`);
  }
}
