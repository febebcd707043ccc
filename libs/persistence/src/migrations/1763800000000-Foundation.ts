import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "units" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "city" text NOT NULL,
        "uf" character(2) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "UQ_units_code" UNIQUE ("code"),
        CONSTRAINT "PK_units" PRIMARY KEY ("id")
      )`);
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "username" text NOT NULL,
        "full_name" text NOT NULL,
        "cpf" character(11),
        "email" text NOT NULL,
        "registration_number" text,
        "password_hash" text,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "PK_users" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "users_username_lower_key" ON "users" (lower("username"))`);
    await q.query(`CREATE UNIQUE INDEX "users_cpf_key" ON "users" ("cpf") WHERE cpf IS NOT NULL`);
    await q.query(`
      CREATE TABLE "assignments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "unit_id" uuid,
        "profile" text NOT NULL,
        "secretaria" boolean NOT NULL DEFAULT false,
        "linked_member_id" uuid,
        CONSTRAINT "PK_assignments" PRIMARY KEY ("id"),
        CONSTRAINT "FK_assignments_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_assignments_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_assignments_linked_member" FOREIGN KEY ("linked_member_id") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "IDX_assignments_user_id" ON "assignments" ("user_id")`);
    await q.query(`CREATE INDEX "IDX_assignments_unit_id" ON "assignments" ("unit_id")`);
    await q.query(`
      CREATE TABLE "worker_heartbeats" (
        "worker_id" text NOT NULL,
        "mode" text NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_worker_heartbeats" PRIMARY KEY ("worker_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "worker_heartbeats"`);
    await q.query(`DROP TABLE "assignments"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "units"`);
  }
}
