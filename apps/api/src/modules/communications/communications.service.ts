import { randomUUID } from 'node:crypto';
import {
  canonicalProcessNumber,
  type Clock,
  type CommunicationRoute,
  Conflict,
  type DutyPeriod,
  Forbidden,
  type Location,
  mayReceiveCommunicationFor,
  MOVEMENTS,
  NotFound,
  refuseCommunication,
  routeCommunication,
  type UnitUser,
  ValidationFailed,
} from '@acervo/domain';
import { fullContentSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { appendEvent, moveCustody } from '../processes/process-events';
import { PROCESS_NOT_FOUND } from '../processes/process-reader';
import { RegisterProcess } from '../processes/register-process.use-case';
import type { RegisterProcessDto } from '../processes/dto/register-process.dto';
import type {
  CommunicationDto,
  CommunicationProcessInput,
  CommunicationReceiptDto,
  ReceiveCommunicationDto,
} from './dto/communication.dto';

const NOT_FOUND = 'Comunicação não encontrada.';

/** Namespace of the advisory locks that serialise communications carrying the same externalId. */
const EXTERNAL_ID_LOCK = 7_310_223;

/** Statements here bind the viewer as `$2` and the application's "now" as `$3`. */
const VIEWER = { user: '$2', now: '$3' };

/** The process a communication lands on, as routing needs it. */
interface Target {
  id: string;
  number: string;
  location: Location;
  holderId: string | null;
  responsibleMemberId: string | null;
}

interface CommunicationRow {
  id: string;
  process_id: string;
  number: string;
  route: CommunicationRoute;
  routed_to_user_id: string | null;
  event_sequence: number;
  kind: CommunicationDto['kind'];
  urgent: boolean;
  unit_id: string;
  external_id: string | null;
  description: string | null;
  received_at: Date;
  received_by: string;
}

/** A communication is readable by who brought it in, and by whoever sees its process in full. */
const READABLE = `SELECT c.*, p.number FROM communications c JOIN processes p ON p.id = c.process_id
  WHERE (c.received_by = $2 OR ${fullContentSql('p', VIEWER)})`;

/**
 * Incoming citations and intimations (DOMAIN §1, §5): each lands on an existing process
 * of the unit or on one registered with it, goes where `routeCommunication` says — concluso
 * to a user, or to the Secretaria — and is recorded as a numbered event, all in one
 * transaction. An `externalId` seen before answers with the first result.
 */
@Injectable()
export class CommunicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registration: RegisterProcess,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async receive(
    actor: Actor,
    dto: ReceiveCommunicationDto,
  ): Promise<{ receipt: CommunicationReceiptDto; replayed: boolean }> {
    const source = sourceOf(dto);
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      if (!(await tx.query(`SELECT 1 FROM units WHERE id = $1`, [dto.unitId])).length) {
        throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
      }
      if (!mayReceiveCommunicationFor(actor, dto.unitId)) {
        throw new Forbidden('Seu perfil não permite receber comunicações para este órgão.');
      }
      if (dto.externalId) {
        // Held to the end of the transaction: a concurrent resend waits, then finds this one.
        await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [EXTERNAL_ID_LOCK, dto.externalId]);
        const first = await this.replay(tx, actor, dto.externalId, now);
        if (first) return { receipt: first, replayed: true };
      }
      const target =
        'number' in source
          ? await this.lockExisting(tx, actor, dto.unitId, source.number, now)
          : await this.registerNew(tx, actor, { ...source.process, unitId: dto.unitId }, now);
      return { receipt: await this.route(tx, actor, dto, target, now), replayed: false };
    });
  }

  async get(actor: Actor, id: string): Promise<CommunicationDto> {
    const [row] = await this.dataSource.query<CommunicationRow[]>(`${READABLE} AND c.id = $1`, [
      id,
      actor.userId,
      this.clock.now(),
    ]);
    if (!row) throw new NotFound(NOT_FOUND);
    return {
      ...toReceipt(row),
      kind: row.kind,
      urgent: row.urgent,
      unitId: row.unit_id,
      externalId: row.external_id,
      description: row.description,
      receivedAt: row.received_at.toISOString(),
      receivedBy: row.received_by,
    };
  }

  /**
   * The first communication with this externalId, when the caller may read it. One it may
   * not read is still taken: the id cannot be reused, and who sent it is not revealed.
   */
  private async replay(
    tx: EntityManager,
    actor: Actor,
    externalId: string,
    now: Date,
  ): Promise<CommunicationReceiptDto | null> {
    const taken = await tx.query(`SELECT 1 FROM communications WHERE external_id = $1`, [externalId]);
    if (!taken.length) return null;
    const [row] = await tx.query<CommunicationRow[]>(`${READABLE} AND c.external_id = $1`, [
      externalId,
      actor.userId,
      now,
    ]);
    if (!row) {
      throw new Conflict('Este externalId já identifica outra comunicação.', [
        { field: 'externalId', message: 'já utilizado' },
      ]);
    }
    return toReceipt(row);
  }

  /** The process by number, locked; one the caller does not see is answered as one that does not exist. */
  private async lockExisting(
    tx: EntityManager,
    actor: Actor,
    unitId: string,
    number: string,
    now: Date,
  ): Promise<Target> {
    const [p] = await tx.query<(Target & { unitId: string })[]>(
      `SELECT p.id, p.number, p.unit_id AS "unitId", p.location, p.holder_id AS "holderId",
              p.responsible_member_id AS "responsibleMemberId"
         FROM processes p WHERE p.number = $1 AND ${fullContentSql('p', VIEWER)} FOR UPDATE`,
      [number, actor.userId, now],
    );
    if (!p) throw new NotFound(PROCESS_NOT_FOUND);
    const refusal = refuseCommunication(p, unitId);
    if (refusal) throw new Conflict(refusal);
    return p;
  }

  /**
   * Registered exactly as POST /processes would, on the institution's authority: the
   * Protocolo receives for every unit, including those it may not register in itself.
   */
  private async registerNew(tx: EntityManager, actor: Actor, dto: RegisterProcessDto, now: Date): Promise<Target> {
    const registered = await this.registration
      .register(tx, actor, dto, { at: now, authority: 'INSTITUTION' })
      .catch((e: unknown) => {
        // Registration names its own fields; here they sit under `process`, as the request sent them.
        if (!(e instanceof ValidationFailed)) throw e;
        throw new ValidationFailed(
          e.errors.map((f) => ({ ...f, field: f.field === 'unitId' ? f.field : `process.${f.field}` })),
          e.message,
        );
      });
    return {
      id: registered.id,
      number: registered.number,
      location: 'SECRETARIA',
      holderId: null,
      responsibleMemberId: null,
    };
  }

  /** Routes, moves the process (and its custody) when it changes hands, and records it. */
  private async route(
    tx: EntityManager,
    actor: Actor,
    dto: ReceiveCommunicationDto,
    target: Target,
    now: Date,
  ): Promise<CommunicationReceiptDto> {
    const kind = dto.kind;
    const urgent = dto.urgent ?? false;
    const decision = routeCommunication({
      kind,
      urgent,
      now,
      responsibleMemberId: target.responsibleMemberId,
      ...(await this.candidates(tx, dto.unitId, target.responsibleMemberId, now)),
    });
    const location: Location = decision.userId ? 'CONCLUSO' : 'SECRETARIA';
    if (target.location === location && target.holderId === decision.userId) {
      // Already there: its place in the box (located_at) and its custody stay.
      await tx.query(`UPDATE processes SET version = version + 1 WHERE id = $1`, [target.id]);
    } else {
      await tx.query(
        `UPDATE processes SET location = $2, holder_id = $3, located_at = $4, version = version + 1 WHERE id = $1`,
        [target.id, location, decision.userId, now],
      );
      await moveCustody(tx, target.id, now, { unitId: dto.unitId, holderId: decision.userId });
    }
    const id = randomUUID();
    const description = dto.description?.trim() || null;
    const eventSequence = await appendEvent(tx, target.id, now, {
      code: (kind === 'CITATION' ? MOVEMENTS.CITATION_RECEIVED : MOVEMENTS.INTIMATION_RECEIVED).code,
      actorId: actor.userId,
      unitId: dto.unitId,
      details: {
        communicationId: id,
        kind,
        urgent,
        route: decision.route,
        toUserId: decision.userId,
        ...(description ? { description } : {}),
        ...(dto.externalId ? { externalId: dto.externalId } : {}),
      },
    });
    await tx.query(
      `INSERT INTO communications (id, kind, urgent, unit_id, process_id, route, routed_to_user_id, event_sequence,
         external_id, description, received_at, received_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        kind,
        urgent,
        dto.unitId,
        target.id,
        decision.route,
        decision.userId,
        eventSequence,
        dto.externalId ?? null,
        description,
        now,
        actor.userId,
      ],
    );
    return {
      id,
      processId: target.id,
      processNumber: target.number,
      route: decision.route,
      toUserId: decision.userId,
      eventSequence,
    };
  }

  /** Who routing may pick in the unit: its chiefs, its on-duty members, the responsible member; and the plantão now. */
  private async candidates(
    tx: EntityManager,
    unitId: string,
    responsibleMemberId: string | null,
    now: Date,
  ): Promise<{ unitUsers: UnitUser[]; dutyPeriods: DutyPeriod[] }> {
    const unitUsers = await tx.query<UnitUser[]>(
      `SELECT u.id AS "userId", u.username, a.profile, u.active
         FROM assignments a JOIN users u ON u.id = a.user_id
        WHERE a.unit_id = $1 AND (a.profile IN ('CHIEF', 'ON_DUTY') OR a.user_id = $2)`,
      [unitId, responsibleMemberId],
    );
    const dutyPeriods = await tx.query<DutyPeriod[]>(
      `SELECT member_id AS "memberId", starts_at AS "startsAt", ends_at AS "endsAt"
         FROM duty_periods WHERE unit_id = $1 AND starts_at <= $2 AND ends_at > $2`,
      [unitId, now],
    );
    return { unitUsers, dutyPeriods };
  }
}

/**
 * What the communication is about: an existing process (its canonical number) or a new
 * one — exactly one of the two. Checked before anything is read.
 */
function sourceOf({
  processNumber,
  process,
}: ReceiveCommunicationDto): { number: string } | { process: CommunicationProcessInput } {
  // null counts as absent, as it does for the validation pipe's @IsOptional.
  if (process != null && processNumber == null) return { process };
  if (process != null || processNumber == null) {
    const message = 'informe exatamente um de processNumber (processo existente) e process (processo novo)';
    throw new ValidationFailed([
      { field: 'processNumber', message },
      { field: 'process', message },
    ]);
  }
  const number = canonicalProcessNumber(processNumber);
  if (!number) {
    throw new ValidationFailed([
      { field: 'processNumber', message: 'não é um número de processo ({órgão}.{ano}.{sequencial})' },
    ]);
  }
  return { number };
}

function toReceipt(row: CommunicationRow): CommunicationReceiptDto {
  return {
    id: row.id,
    processId: row.process_id,
    processNumber: row.number,
    route: row.route,
    toUserId: row.routed_to_user_id,
    eventSequence: row.event_sequence,
  };
}
