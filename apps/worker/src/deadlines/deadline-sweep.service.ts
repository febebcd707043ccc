import { type Clock, MOVEMENTS } from '@acervo/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, TIMINGS, type WorkerTimings } from '../worker-config';
import { noticesSql } from './notices-sql';

/**
 * Records, once each, the expiry of every deadline past due: marks it, writes the "Prazo
 * vencido" event and tells its people — one statement per batch, so a batch happens
 * whole or not at all. Rows are claimed with their processes `FOR UPDATE SKIP LOCKED`:
 * several workers split the work, never wait on each other or on a user acting on the
 * process (that one is simply taken on the next sweep).
 */
const EXPIRE_BATCH_SQL = `
WITH claimed AS (
  SELECT dl.id, dl.process_id, dl.due_at, dl.kind, dl.description, dl.wait, dl.created_by,
         p.unit_id, p.holder_id, p.responsible_member_id
    FROM deadlines dl JOIN processes p ON p.id = dl.process_id
   WHERE dl.status = 'OPEN' AND dl.expired_at IS NULL AND dl.due_at <= $1
   ORDER BY dl.due_at, dl.id
   LIMIT $2
     FOR UPDATE OF dl, p SKIP LOCKED
), marked AS (
  UPDATE deadlines d SET expired_at = $1 FROM claimed c WHERE d.id = c.id RETURNING d.id
), numbered AS (
  SELECT c.*, row_number() OVER (PARTITION BY c.process_id ORDER BY c.due_at, c.id) AS nth,
         count(*) OVER (PARTITION BY c.process_id) AS how_many
    FROM claimed c
), bumped AS (
  UPDATE processes p SET event_count = p.event_count + x.how_many
    FROM (SELECT process_id, max(how_many) AS how_many FROM numbered GROUP BY process_id) x
   WHERE p.id = x.process_id
  RETURNING p.id, p.event_count - x.how_many AS base
), events AS (
  INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details)
  SELECT n.process_id, b.base + n.nth, $3, NULL, n.unit_id, $1,
         jsonb_build_object('deadlineId', n.id, 'kind', n.kind, 'description', n.description, 'wait', n.wait,
                            'dueAt', to_char(n.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM numbered n JOIN bumped b ON b.id = n.process_id
  RETURNING 1
), notified AS (
  ${noticesSql('EXPIRED', '$1')}
)
SELECT (SELECT count(*) FROM marked)::int AS expired, (SELECT count(*) FROM events)::int AS events,
       (SELECT count(*) FROM notified)::int AS notices`;

/**
 * Deadlines coming due within the institution's warning days, warned of once per due time.
 * The process rows are claimed too: the notices' foreign key takes a share lock on them,
 * and a user holding one while waiting for the deadline row would otherwise deadlock.
 */
const WARN_BATCH_SQL = `
WITH claimed AS (
  SELECT dl.id, dl.process_id, dl.due_at, dl.created_by, p.holder_id, p.responsible_member_id
    FROM deadlines dl JOIN processes p ON p.id = dl.process_id
   WHERE dl.status = 'OPEN' AND dl.warned_at IS NULL AND dl.due_at > $1
     AND dl.due_at <= $1 + make_interval(days => (SELECT deadline_warning_days FROM institution_settings WHERE id = 1))
   ORDER BY dl.due_at, dl.id
   LIMIT $2
     FOR UPDATE OF dl, p SKIP LOCKED
), marked AS (
  UPDATE deadlines d SET warned_at = $1 FROM claimed c WHERE d.id = c.id RETURNING d.id
), notified AS (
  ${noticesSql('DUE_SOON', '$1')}
)
SELECT (SELECT count(*) FROM marked)::int AS warned, (SELECT count(*) FROM notified)::int AS notices`;

export interface SweepResult {
  expired: number;
  warned: number;
}

@Injectable()
export class DeadlineSweep {
  private readonly logger = new Logger(DeadlineSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TIMINGS) private readonly timings: WorkerTimings,
  ) {}

  /** Sweeps until nothing due is left unrecorded (or only rows others hold right now). */
  async run(): Promise<SweepResult> {
    const result = { expired: 0, warned: 0 };
    for (;;) {
      const n = await this.expireBatch();
      result.expired += n;
      if (n < this.timings.sweepBatch) break;
    }
    for (;;) {
      const n = await this.warnBatch();
      result.warned += n;
      if (n < this.timings.sweepBatch) break;
    }
    // What this worker recorded (an operator sees the deadlines go by; several workers split them).
    if (result.expired || result.warned) this.logger.log(`swept: ${result.expired} expired, ${result.warned} warned`);
    return result;
  }

  async expireBatch(): Promise<number> {
    const [row] = await this.dataSource.query<{ expired: number }[]>(EXPIRE_BATCH_SQL, [
      this.clock.now(),
      this.timings.sweepBatch,
      MOVEMENTS.DEADLINE_EXPIRED.code,
    ]);
    return row.expired;
  }

  private async warnBatch(): Promise<number> {
    const [row] = await this.dataSource.query<{ warned: number }[]>(WARN_BATCH_SQL, [
      this.clock.now(),
      this.timings.sweepBatch,
    ]);
    return row.warned;
  }
}
