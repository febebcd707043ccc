import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distribution (DOMAIN §5): the record of who is responsible for each process and how
 * it came to be, the impediments, and the lottery's batches and draws — everything a
 * Corregedoria needs to re-check a draw from stored data.
 */
export class Distribution1764400000000 implements MigrationInterface {
  name = 'Distribution1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // The compensation counters, locked by every draw of the group (concurrent lotteries
    // serialise on them); `unit_id` is where a drawn process is sent when sent at once.
    await q.query(`ALTER TABLE "distribution_group_members" ADD "received" integer NOT NULL DEFAULT 0`);
    await q.query(
      `ALTER TABLE "distribution_group_members" ADD CONSTRAINT "CHK_distribution_group_members_received" CHECK ("received" >= 0)`,
    );
    await q.query(`ALTER TABLE "distribution_group_members" ADD "unit_id" uuid`);
    await q.query(
      `ALTER TABLE "distribution_group_members" ADD CONSTRAINT "FK_distribution_group_members_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT`,
    );
    await q.query(`
      UPDATE distribution_group_members m SET unit_id = sole.unit_id
        FROM (SELECT user_id, min(unit_id::text)::uuid AS unit_id FROM assignments
               WHERE profile IN ('MEMBER', 'CHIEF', 'ON_DUTY') GROUP BY user_id HAVING count(DISTINCT unit_id) = 1) sole
       WHERE sole.user_id = m.user_id`);

    // A batch's seed is committed (its SHA-256 stored, in its own transaction) before any
    // draw; the seed itself is written only with the draws. A commitment left without a
    // seed is a batch that failed — kept, so re-rolls cannot hide.
    await q.query(`
      CREATE TABLE "distribution_batches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "group_id" uuid NOT NULL,
        "algorithm" text NOT NULL,
        "commitment" text NOT NULL,
        "seed" text,
        "run_by" uuid NOT NULL,
        "send_immediately" boolean NOT NULL,
        "committed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "drawn_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_distribution_batches" PRIMARY KEY ("id"),
        CONSTRAINT "FK_distribution_batches_group" FOREIGN KEY ("group_id") REFERENCES "distribution_groups"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_batches_run_by" FOREIGN KEY ("run_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_distribution_batches_commitment" CHECK ("commitment" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "CHK_distribution_batches_revealed" CHECK (("seed" IS NULL) = ("drawn_at" IS NULL))
      )`);
    await q.query(
      `CREATE INDEX "IDX_distribution_batches_group" ON "distribution_batches" ("group_id", "committed_at")`,
    );
    // A batch changes once — its seed revealed — and is never removed.
    await q.query(`
      CREATE FUNCTION "distribution_batches_reveal_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.seed IS NOT NULL OR NEW.seed IS NULL
           OR (NEW.id, NEW.group_id, NEW.algorithm, NEW.commitment, NEW.run_by, NEW.send_immediately, NEW.committed_at)
              IS DISTINCT FROM (OLD.id, OLD.group_id, OLD.algorithm, OLD.commitment, OLD.run_by, OLD.send_immediately, OLD.committed_at)
        THEN RAISE EXCEPTION 'distribution batches are immutable once committed, but for revealing the seed';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TR_distribution_batches_reveal_only" BEFORE UPDATE OR DELETE ON "distribution_batches"
      FOR EACH ROW EXECUTE FUNCTION "distribution_batches_reveal_only"()`);

    await q.query(`
      CREATE TABLE "distribution_draws" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "batch_id" uuid NOT NULL,
        "group_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "process_id" uuid NOT NULL,
        "prevention" boolean NOT NULL,
        "related_process_id" uuid,
        "candidates" jsonb NOT NULL,
        "excluded" jsonb NOT NULL,
        "tied" jsonb NOT NULL,
        "random_value" text,
        "attempt" integer,
        "member_id" uuid NOT NULL,
        "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_distribution_draws" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_distribution_draws_position" UNIQUE ("batch_id", "position"),
        CONSTRAINT "FK_distribution_draws_batch" FOREIGN KEY ("batch_id") REFERENCES "distribution_batches"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_draws_group" FOREIGN KEY ("group_id") REFERENCES "distribution_groups"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_draws_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_draws_member" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_draws_related_process" FOREIGN KEY ("related_process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_distribution_draws_random" CHECK ("prevention" = ("random_value" IS NULL)),
        CONSTRAINT "CHK_distribution_draws_related" CHECK ("prevention" = ("related_process_id" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX "IDX_distribution_draws_group" ON "distribution_draws" ("group_id", "drawn_at", "id")`);
    await q.query(`CREATE INDEX "IDX_distribution_draws_process" ON "distribution_draws" ("process_id")`);
    // Draw records are evidence: never changed, never removed.
    await q.query(`
      CREATE FUNCTION "distribution_draws_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'distribution draws are immutable'; END $$`);
    await q.query(`
      CREATE TRIGGER "TR_distribution_draws_immutable" BEFORE UPDATE OR DELETE ON "distribution_draws"
      FOR EACH ROW EXECUTE FUNCTION "distribution_draws_immutable"()`);

    await q.query(`
      CREATE TABLE "distributions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "process_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "group_id" uuid,
        "draw_id" uuid,
        "member_id" uuid NOT NULL,
        "distributor_id" uuid,
        "starts_on" date NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_on" date,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "end_reason" text,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        "cancelled_by" uuid,
        CONSTRAINT "PK_distributions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_distributions_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distributions_group" FOREIGN KEY ("group_id") REFERENCES "distribution_groups"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distributions_draw" FOREIGN KEY ("draw_id") REFERENCES "distribution_draws"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distributions_member" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distributions_distributor" FOREIGN KEY ("distributor_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distributions_cancelled_by" FOREIGN KEY ("cancelled_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_distributions_kind" CHECK ("kind" IN ('MANUAL', 'LOTTERY', 'PREVENTION')),
        CONSTRAINT "CHK_distributions_group" CHECK (("kind" = 'MANUAL') = ("group_id" IS NULL) AND ("kind" = 'MANUAL') = ("draw_id" IS NULL)),
        CONSTRAINT "CHK_distributions_end_reason" CHECK ("end_reason" IN ('IMPEDIMENT', 'CANCELLED', 'REPLACED')),
        CONSTRAINT "CHK_distributions_ended" CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL) AND ("ended_at" IS NULL) = ("ends_on" IS NULL)),
        CONSTRAINT "CHK_distributions_cancelled" CHECK ("cancelled_at" IS NULL OR "ended_at" IS NOT NULL)
      )`);
    // One running distribution per process: the lottery and a manual distribution racing
    // for the same process cannot both win.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_distributions_running" ON "distributions" ("process_id") WHERE "ended_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_distributions_process" ON "distributions" ("process_id", "started_at" DESC)`);
    await q.query(
      `CREATE INDEX "IDX_distributions_group" ON "distributions" ("group_id", "started_at", "id") WHERE "group_id" IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE "distribution_impediments" (
        "process_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "distribution_id" uuid NOT NULL,
        "document_id" uuid NOT NULL,
        "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_distribution_impediments" PRIMARY KEY ("process_id", "member_id"),
        CONSTRAINT "FK_distribution_impediments_process" FOREIGN KEY ("process_id") REFERENCES "processes"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_impediments_member" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_impediments_distribution" FOREIGN KEY ("distribution_id") REFERENCES "distributions"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_distribution_impediments_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT
      )`);

    // Manual distributions made at registration before this table existed: their 920005 events.
    await q.query(`
      INSERT INTO distributions (process_id, kind, member_id, distributor_id, starts_on, started_at)
      SELECT DISTINCT ON (e.process_id) e.process_id, 'MANUAL', p.responsible_member_id,
             (e.details->>'distributorId')::uuid,
             coalesce((e.details->>'startsOn')::date, (e.occurred_at AT TIME ZONE s.time_zone)::date), e.occurred_at
        FROM process_events e JOIN processes p ON p.id = e.process_id CROSS JOIN institution_settings s
       WHERE e.code = '920005' AND p.responsible_member_id IS NOT NULL
       ORDER BY e.process_id, e.sequence DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "distribution_impediments"`);
    await q.query(`DROP TABLE "distributions"`);
    await q.query(`DROP TRIGGER "TR_distribution_draws_immutable" ON "distribution_draws"`);
    await q.query(`DROP TABLE "distribution_draws"`);
    await q.query(`DROP FUNCTION "distribution_draws_immutable"()`);
    await q.query(`DROP TRIGGER "TR_distribution_batches_reveal_only" ON "distribution_batches"`);
    await q.query(`DROP TABLE "distribution_batches"`);
    await q.query(`DROP FUNCTION "distribution_batches_reveal_only"()`);
    await q.query(`ALTER TABLE "distribution_group_members" DROP CONSTRAINT "FK_distribution_group_members_unit"`);
    await q.query(`ALTER TABLE "distribution_group_members" DROP COLUMN "unit_id"`);
    await q.query(`ALTER TABLE "distribution_group_members" DROP CONSTRAINT "CHK_distribution_group_members_received"`);
    await q.query(`ALTER TABLE "distribution_group_members" DROP COLUMN "received"`);
  }
}
