import {
  addDays,
  type Clock,
  Conflict,
  type DeadlineKind,
  dueAt,
  extendedDueProblems,
  extensionProblems,
  internalDeadlineProblems,
  localDate,
  MOVEMENTS,
  NotFound,
  ValidationFailed,
} from '@acervo/domain';
import { fullContentSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { staleVersion } from '../../common/stale-version';
import { ProcessOperations } from '../processes/process-operations.service';
import { ProcessReader } from '../processes/process-reader';
import { type DeadlineRow, legalDueAt, legalRule, processDeadlines, toDto, unitCalendar } from './deadline-store';
import type {
  CloseDeadlineDto,
  DeadlineDto,
  DeadlineListDto,
  ExtendDeadlineDto,
  SetDeadlineDto,
  SetDeadlineResultDto,
} from './dto/deadline.dto';

const DEADLINE_NOT_FOUND = 'Prazo não encontrado.';

/**
 * Internal deadlines set on a process, closing and extending any deadline (DOMAIN §6).
 * Each act runs inside the process operation scaffold — the process locked, the actor
 * allowed, the event written in the same transaction — and locks the deadline after the
 * process, the order the worker's sweep (which skips what is locked) cannot deadlock with.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operations: ProcessOperations,
    private readonly reader: ProcessReader,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async set(actor: Actor, processId: string, dto: SetDeadlineDto): Promise<SetDeadlineResultDto> {
    let created: { id: string; dueAt: string } | undefined;
    const result = await this.operations.operate(actor, processId, 'deadlines', dto, async (tx, p, now) => {
      const calendar = await unitCalendar(tx, p.unitId, now);
      const problems = internalDeadlineProblems(dto, localDate(now, calendar.timeZone));
      if (problems.length) throw new ValidationFailed(problems);
      const due = dueAt(now, dto.days !== undefined ? { days: dto.days } : { dueDate: dto.dueDate! }, calendar);
      const wait = dto.wait ?? true;
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO deadlines (process_id, kind, description, wait, starts_at, due_at, created_by, created_at)
         VALUES ($1, 'INTERNAL', $2, $3, $4, $5, $6, $4) RETURNING id`,
        [p.id, dto.description.trim(), wait, now, due, actor.userId],
      );
      created = { id: row.id, dueAt: due.toISOString() };
      return {
        set: {},
        event: {
          code: MOVEMENTS.DEADLINE_SET.code,
          details: {
            deadlineId: row.id,
            kind: 'INTERNAL',
            description: dto.description.trim(),
            wait,
            dueAt: created.dueAt,
          },
        },
      };
    });
    return { ...created!, processVersion: result.version };
  }

  async close(actor: Actor, id: string, dto: CloseDeadlineDto): Promise<DeadlineDto> {
    const { process_id } = await this.visible(actor, id);
    await this.operations.operate(actor, process_id, 'close-deadline', {}, async (tx, _p, now) => {
      const d = await this.lockOpen(tx, id, dto.version);
      await tx.query(
        `UPDATE deadlines SET status = 'CLOSED', ended_at = $2, ended_by = $3, version = version + 1 WHERE id = $1`,
        [id, now, actor.userId],
      );
      return {
        set: {},
        event: {
          code: MOVEMENTS.DEADLINE_CLOSED.code,
          details: {
            deadlineId: id,
            kind: d.kind,
            description: d.description,
            expired: d.due_at <= now,
            ...(dto.note ? { note: dto.note.trim() } : {}),
          },
        },
      };
    });
    return this.one(id);
  }

  /**
   * Prorrogação: a legal deadline by its class's rule, on a justification, as often as the
   * rule allows; an internal one to a later day. Extended, it is pending again — its expiry
   * (event, notices) will be recorded anew for the new due time.
   */
  async extend(actor: Actor, id: string, dto: ExtendDeadlineDto): Promise<DeadlineDto> {
    const { process_id, kind } = await this.visible(actor, id);
    const op = kind === 'LEGAL' ? 'extend-legal-deadline' : 'extend-deadline';
    await this.operations.operate(actor, process_id, op, {}, async (tx, p, now) => {
      const d = await this.lockOpen(tx, id, dto.version);
      const calendar = await unitCalendar(tx, p.unitId, d.due_at);
      const dueDay = localDate(d.due_at, calendar.timeZone);
      const rule = d.kind === 'LEGAL' ? await legalRule(tx, p.classCode) : null;
      const problems = extensionProblems({ ...d, dueDay }, rule, dto);
      if (problems.length) throw new ValidationFailed(problems);
      const due =
        d.kind === 'LEGAL'
          ? legalDueAt(now, dueDay, rule!.extension!, calendar)
          : dueAt(now, { dueDate: dto.days !== undefined ? addDays(dueDay, dto.days) : dto.dueDate! }, calendar);
      const late = extendedDueProblems(
        due,
        now,
        d.kind === 'LEGAL' ? 'id' : dto.days !== undefined ? 'days' : 'dueDate',
      );
      if (late.length) throw new ValidationFailed(late);
      await tx.query(
        `UPDATE deadlines SET due_at = $2, extensions = extensions + 1, expired_at = NULL, warned_at = NULL,
                version = version + 1 WHERE id = $1`,
        [id, due],
      );
      return {
        set: {},
        event: {
          code: MOVEMENTS.DEADLINE_EXTENDED.code,
          details: {
            deadlineId: id,
            kind: d.kind,
            description: d.description,
            fromDueAt: d.due_at.toISOString(),
            toDueAt: due.toISOString(),
            extension: d.extensions + 1,
            ...(dto.justification ? { justification: dto.justification.trim() } : {}),
          },
        },
      };
    });
    return this.one(id);
  }

  /** A process's deadlines, running ones first, soonest due first. */
  async list(actor: Actor, processId: string): Promise<DeadlineListDto> {
    await this.reader.assertFull(actor, processId);
    return { items: await processDeadlines(this.dataSource.manager, processId, this.clock.now()) };
  }

  /** The deadline's process, if the actor sees that process's content; 404 alike otherwise. */
  private async visible(actor: Actor, id: string): Promise<{ process_id: string; kind: DeadlineKind }> {
    const [row] = await this.dataSource.query<{ process_id: string; kind: DeadlineKind }[]>(
      `SELECT d.process_id, d.kind FROM deadlines d JOIN processes p ON p.id = d.process_id
        WHERE d.id = $1 AND ${fullContentSql('p', { user: '$2', now: '$3' })}`,
      [id, actor.userId, this.clock.now()],
    );
    if (!row) throw new NotFound(DEADLINE_NOT_FOUND);
    return row;
  }

  private async lockOpen(tx: EntityManager, id: string, version: number | undefined): Promise<DeadlineRow> {
    const [d] = await tx.query<DeadlineRow[]>(`SELECT * FROM deadlines WHERE id = $1 FOR UPDATE`, [id]);
    if (version !== undefined && d.version !== version) throw staleVersion('O prazo foi alterado');
    if (d.status !== 'OPEN') throw new Conflict('O prazo já foi encerrado.');
    return d;
  }

  private async one(id: string): Promise<DeadlineDto> {
    const [row] = await this.dataSource.query<DeadlineRow[]>(`SELECT * FROM deadlines WHERE id = $1`, [id]);
    return toDto(row, this.clock.now());
  }
}
