import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines (DOMAIN §6) and the notices they give their holders. */
export class Deadlines1764300000000 implements MigrationInterface {
  name = 'Deadlines1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "deadlines" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "description" text NOT NULL,
        "wait" boolean NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" text NOT NULL DEFAULT 'OPEN',
        "extensions" integer NOT NULL DEFAULT 0,
        "legal_basis" text,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_by" uuid,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        -- Recorded by the worker, once: the Prazo vencido event and the notices follow it.
        "expired_at" TIMESTAMP WITH TIME ZONE,
        "warned_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_deadlines" PRIMARY KEY ("id"),
        CONSTRAINT "FK_deadlines_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_deadlines_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_deadlines_ended_by" FOREIGN KEY ("ended_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_deadlines_kind" CHECK ("kind" IN ('LEGAL', 'INTERNAL')),
        CONSTRAINT "CHK_deadlines_status" CHECK ("status" IN ('OPEN', 'CLOSED', 'ENDED')),
        CONSTRAINT "CHK_deadlines_ended" CHECK (("status" = 'OPEN') = ("ended_at" IS NULL)),
        CONSTRAINT "CHK_deadlines_legal_never_waits" CHECK ("kind" = 'INTERNAL' OR NOT "wait")
      )`);
    // A process has one running legal deadline at a time (its class's).
    await q.query(
      `CREATE UNIQUE INDEX "UQ_deadlines_open_legal" ON "deadlines" ("process_id") WHERE "kind" = 'LEGAL' AND "status" = 'OPEN'`,
    );
    // Boxes ask per process whether an open (waiting) deadline is pending or past due.
    await q.query(
      `CREATE INDEX "IDX_deadlines_open_process" ON "deadlines" ("process_id", "due_at") INCLUDE ("wait") WHERE "status" = 'OPEN'`,
    );
    // The Prazos box: the running deadlines, soonest due first.
    await q.query(`CREATE INDEX "IDX_deadlines_open_due" ON "deadlines" ("due_at", "id") WHERE "status" = 'OPEN'`);
    // The worker's sweeps: what came due and is not yet recorded, and what is due soon and not yet warned of.
    await q.query(
      `CREATE INDEX "IDX_deadlines_unrecorded_due" ON "deadlines" ("due_at", "id") WHERE "status" = 'OPEN' AND "expired_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_deadlines_unwarned_due" ON "deadlines" ("due_at", "id") WHERE "status" = 'OPEN' AND "warned_at" IS NULL`,
    );

    // The boxes read a summary of each process's running deadlines from the process row;
    // the trigger keeps it whoever writes (API, seeds), in the writer's transaction. The
    // worker's marks (expired_at, warned_at) do not change it and do not fire it.
    await q.query(`ALTER TABLE "processes" ADD "waiting_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "processes" ADD "next_due_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "processes" ADD "internal_deadline" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "processes" ADD "open_deadlines" integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION "deadlines_summarise"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE target uuid;
      BEGIN
        FOR target IN SELECT DISTINCT x FROM unnest(ARRAY[
            CASE WHEN TG_OP <> 'INSERT' THEN OLD.process_id END,
            CASE WHEN TG_OP <> 'DELETE' THEN NEW.process_id END]) x WHERE x IS NOT NULL LOOP
          UPDATE processes p SET waiting_until = s.waiting_until, next_due_at = s.next_due_at,
                 internal_deadline = s.internal_deadline, open_deadlines = s.open_deadlines
            FROM (SELECT max(due_at) FILTER (WHERE wait) AS waiting_until, min(due_at) AS next_due_at,
                         coalesce(bool_or(kind = 'INTERNAL'), false) AS internal_deadline, count(*) AS open_deadlines
                    FROM deadlines WHERE process_id = target AND status = 'OPEN') s
           WHERE p.id = target;
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TR_deadlines_summarise" AFTER INSERT OR DELETE OR UPDATE OF "status", "due_at", "wait", "process_id"
      ON "deadlines" FOR EACH ROW EXECUTE FUNCTION "deadlines_summarise"()`);

    await q.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "deadline_id" uuid NOT NULL,
        "process_id" uuid NOT NULL,
        -- The due time the notice speaks of: an extended deadline is noticed again for its new one.
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE,
        "mailed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "FK_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_notifications_deadline" FOREIGN KEY ("deadline_id") REFERENCES "deadlines"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_notifications_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_notifications_kind" CHECK ("kind" IN ('DUE_SOON', 'EXPIRED'))
      )`);
    // Each notice once per person and due time, whatever the number of workers or retries.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_notifications_once" ON "notifications" ("deadline_id", "kind", "due_at", "user_id")`,
    );
    await q.query(`CREATE INDEX "IDX_notifications_user" ON "notifications" ("user_id", "created_at" DESC, "id")`);
    await q.query(`CREATE INDEX "IDX_notifications_unmailed" ON "notifications" ("user_id") WHERE "mailed_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TRIGGER "TR_deadlines_summarise" ON "deadlines"`);
    await q.query(`DROP FUNCTION "deadlines_summarise"()`);
    await q.query(`ALTER TABLE "processes" DROP COLUMN "open_deadlines"`);
    await q.query(`ALTER TABLE "processes" DROP COLUMN "internal_deadline"`);
    await q.query(`ALTER TABLE "processes" DROP COLUMN "next_due_at"`);
    await q.query(`ALTER TABLE "processes" DROP COLUMN "waiting_until"`);
    await q.query(`DROP TABLE "deadlines"`);
  }
}
