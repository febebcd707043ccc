import {
  ARCHIVING_MOVEMENT_CODES,
  assignableLevel,
  type Clock,
  Conflict,
  type Location,
  mayReceiveConclusion,
  MOVEMENTS,
  type Operation,
  type Profile,
  refusalError,
  refuseOperation,
  ValidationFailed,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { fullContentSql } from '@acervo/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import { staleVersion } from '../../common/stale-version';
import type { Actor } from '../../common/auth/actor';
import type {
  ArchiveDto,
  AttachDto,
  SecrecyDto,
  ConcludeDto,
  ForwardDto,
  OperationResultDto,
  PriorityDto,
  SendExternalDto,
  VersionedDto,
} from './dto/operations.dto';
import { endOpenDeadlines } from '../deadlines/deadline-store';
import { appendEvent, moveCustody, type NewEvent } from './process-events';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { PROCESS_NOT_FOUND, ProcessReader } from './process-reader';

export interface Locked {
  id: string;
  number: string;
  classCode: string;
  externalOrgan: string | null;
  unitId: string;
  location: Location;
  holderId: string | null;
  responsibleMemberId: string | null;
  secrecyLevel: number;
  version: number;
}

/** What an operation changes: columns of the process, the event, and the custody after it. */
export interface Plan {
  set: Record<string, unknown>;
  event: Omit<NewEvent, 'actorId' | 'unitId'> & { unitId?: string };
  /** undefined: custody unchanged; null: it leaves everyone's hands (external, archived). */
  custody?: { unitId: string; holderId: string | null } | null;
}

const STALE = () => staleVersion('O processo foi alterado');

/**
 * The operations of DOMAIN §3.2 that move a process. Each locks the process, checks that
 * the actor sees it (else 404), read the current version (409), and may act on it from
 * where it is (403, or 409 for the location); then changes it with a conditional
 * UPDATE, moves its custody and writes its event — all in one transaction.
 */
@Injectable()
export class ProcessOperations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ProcessReader,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  conclude(actor: Actor, id: string, dto: ConcludeDto) {
    return this.operate(actor, id, 'conclude', dto, async (tx, p) => {
      const [target] = await tx.query<{ profile: Profile }[]>(
        `SELECT a.profile FROM assignments a JOIN users u ON u.id = a.user_id
          WHERE a.user_id = $1 AND a.unit_id = $2 AND u.active`,
        [dto.userId, p.unitId],
      );
      if (!target || !mayReceiveConclusion(target.profile)) {
        throw new ValidationFailed([{ field: 'userId', message: 'o usuário não atua neste órgão' }]);
      }
      return {
        set: { location: 'CONCLUSO', holder_id: dto.userId },
        event: { code: MOVEMENTS.CONCLUDED.code, details: { toUserId: dto.userId } },
        custody: { unitId: p.unitId, holderId: dto.userId },
      };
    });
  }

  toSecretaria(actor: Actor, id: string, dto: VersionedDto) {
    return this.operate(actor, id, 'to-secretaria', dto, async (_tx, p) => ({
      set: { location: 'SECRETARIA', holder_id: null },
      event: { code: MOVEMENTS.TO_SECRETARIA.code, details: { fromUserId: p.holderId } },
      custody: { unitId: p.unitId, holderId: null },
    }));
  }

  recover(actor: Actor, id: string, dto: VersionedDto) {
    return this.operate(actor, id, 'recover', dto, async (_tx, p) => ({
      set: { location: 'SECRETARIA', holder_id: null },
      event: { code: MOVEMENTS.RECOVERED.code, details: { fromUserId: p.holderId } },
      custody: { unitId: p.unitId, holderId: null },
    }));
  }

  forward(actor: Actor, id: string, dto: ForwardDto) {
    return this.operate(actor, id, 'forward', dto, async (tx, p) => {
      if (dto.unitId === p.unitId) {
        throw new ValidationFailed([{ field: 'unitId', message: 'o processo já está neste órgão' }]);
      }
      if (!(await tx.query(`SELECT 1 FROM units WHERE id = $1`, [dto.unitId])).length) {
        throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
      }
      return {
        set: { location: 'SECRETARIA', holder_id: null, unit_id: dto.unitId },
        event: { code: MOVEMENTS.SENT.code, details: { fromUnitId: p.unitId, toUnitId: dto.unitId } },
        custody: { unitId: dto.unitId, holderId: null },
      };
    });
  }

  sendExternal(actor: Actor, id: string, dto: SendExternalDto) {
    return this.operate(actor, id, 'send-external', dto, async () => ({
      set: { location: 'EXTERNAL', holder_id: null, external_organ: dto.organ.trim() },
      event: { code: MOVEMENTS.SENT_EXTERNAL.code, details: { organ: dto.organ.trim() } },
      custody: null,
    }));
  }

  returnExternal(actor: Actor, id: string, dto: VersionedDto) {
    return this.operate(actor, id, 'return-external', dto, async (_tx, p) => {
      return {
        set: { location: 'SECRETARIA', external_organ: null },
        event: { code: MOVEMENTS.RETURNED_EXTERNAL.code, details: { organ: p.externalOrgan } },
        custody: { unitId: p.unitId, holderId: null },
      };
    });
  }

  priority(actor: Actor, id: string, dto: PriorityDto) {
    return this.operate(actor, id, 'priority', dto, async () => ({
      set: { priority: dto.priority },
      event: { code: (dto.priority ? MOVEMENTS.PRIORITY_SET : MOVEMENTS.PRIORITY_REMOVED).code },
    }));
  }

  archive(actor: Actor, id: string, dto: ArchiveDto) {
    const code = dto.movementCode ?? MOVEMENTS.ARCHIVED.code;
    if (!ARCHIVING_MOVEMENT_CODES.includes(code)) {
      throw new ValidationFailed([{ field: 'movementCode', message: 'não é um movimento de arquivamento' }]);
    }
    // Archiving ends every deadline still running (DOMAIN §6).
    return this.operate(actor, id, 'archive', dto, async (tx, p, now) => ({
      set: { location: 'ARCHIVED', holder_id: null },
      event: {
        code,
        details: {
          fromUserId: p.holderId,
          endedDeadlines: await endOpenDeadlines(tx, id, now, actor.userId),
        },
      },
      custody: null,
    }));
  }

  unarchive(actor: Actor, id: string, dto: VersionedDto) {
    return this.operate(actor, id, 'unarchive', dto, async (_tx, p) => ({
      set: { location: 'SECRETARIA' },
      event: { code: MOVEMENTS.UNARCHIVED.code },
      custody: { unitId: p.unitId, holderId: null },
    }));
  }

  /**
   * Decretar sigilo (DOMAIN §4.1–4.2): a member of the unit sets the level, within what the
   * institution's table lets its profile assign; documents below the new level rise to it
   * (a document never sits below its process). Level 5 needs a responsible member, who
   * alone will see the process.
   */
  secrecy(actor: Actor, id: string, dto: SecrecyDto) {
    return this.operate(actor, id, 'secrecy', dto, async (tx, p) => {
      const settings = await this.settings.current(tx);
      const mine = actor.assignments.filter((a) => a.unitId === p.unitId).map((a) => a.profile);
      const responsible = p.responsibleMemberId === actor.userId;
      if (dto.level > assignableLevel(mine, settings.secrecyAssignment) && !(responsible && dto.level === 5)) {
        throw new ValidationFailed([{ field: 'level', message: 'seu perfil não pode atribuir este nível de sigilo' }]);
      }
      if (dto.level === 5 && !p.responsibleMemberId) {
        throw new ValidationFailed([
          { field: 'level', message: 'nível 5 exige um membro responsável (distribua antes)' },
        ]);
      }
      if (dto.level === p.secrecyLevel) {
        throw new ValidationFailed([{ field: 'level', message: 'o processo já está neste nível' }]);
      }
      await tx.query(
        `UPDATE documents SET secrecy_level = $2, version = version + 1 WHERE process_id = $1 AND secrecy_level < $2`,
        [id, dto.level],
      );
      return {
        set: { secrecy_level: dto.level },
        event: {
          code: MOVEMENTS.SECRECY_DECREED.code,
          details: {
            fromLevel: p.secrecyLevel,
            toLevel: dto.level,
            ...(dto.justification ? { justification: dto.justification.trim() } : {}),
          },
        },
      };
    });
  }

  /**
   * Anexar: this (secondary) process becomes read-only inside the principal, leaves every
   * box (its deadlines end: the principal's run), and stays findable by number; both
   * histories record it.
   */
  attach(actor: Actor, id: string, dto: AttachDto) {
    return this.operate(actor, id, 'attach', dto, async (tx, p, now) => {
      if (dto.principalId === id) {
        throw new ValidationFailed([{ field: 'principalId', message: 'um processo não se anexa a si mesmo' }]);
      }
      // Visible to the actor and locked, in one statement.
      const [principal] = await tx.query<{ id: string; number: string; unit_id: string; location: Location }[]>(
        `SELECT p.id, p.number, p.unit_id, p.location FROM processes p
          WHERE p.id = $1 AND ${fullContentSql('p', { user: '$2', now: '$3' })} FOR UPDATE`,
        [dto.principalId, actor.userId, now],
      );
      if (!principal)
        throw new ValidationFailed([{ field: 'principalId', message: 'processo principal não encontrado' }]);
      if (principal.location === 'ATTACHED' || principal.location === 'ARCHIVED') {
        throw new ValidationFailed([{ field: 'principalId', message: 'o principal está anexado ou arquivado' }]);
      }
      await appendEvent(tx, principal.id, now, {
        code: MOVEMENTS.ATTACHED.code,
        actorId: actor.userId,
        unitId: principal.unit_id,
        details: { secondaryId: id, secondaryNumber: p.number },
      });
      return {
        set: { location: 'ATTACHED', holder_id: null, principal_id: principal.id },
        event: {
          code: MOVEMENTS.ATTACHED.code,
          details: {
            principalId: principal.id,
            principalNumber: principal.number,
            endedDeadlines: await endOpenDeadlines(tx, id, now, actor.userId),
          },
        },
        custody: null,
      };
    });
  }

  /** The scaffold every operation shares (also used for documents entering a process). */
  async operate(
    actor: Actor,
    id: string,
    op: Operation,
    dto: { version?: number },
    /** `at`: the operation's instant, the time of its event — records it writes share it. */
    plan: (tx: EntityManager, p: Locked, at: Date) => Promise<Plan>,
  ): Promise<OperationResultDto> {
    return this.dataSource.transaction(async (tx) => {
      await this.reader.assertFull(actor, id, tx);
      const [p] = await tx.query<Locked[]>(
        `SELECT id, number, class_code AS "classCode", external_organ AS "externalOrgan", unit_id AS "unitId", location, holder_id AS "holderId",
                responsible_member_id AS "responsibleMemberId", secrecy_level AS "secrecyLevel", version
           FROM processes WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!p) throw new Conflict(PROCESS_NOT_FOUND);
      // The instant is read once the row is locked: operations on a process are timed in
      // the order they are numbered.
      const now = this.clock.now();
      // A stale view is answered first: what the caller saw is no longer where the process is.
      // Acts on a process's deadlines may omit the version: they do not depend on a view of it.
      if (dto.version !== undefined && p.version !== dto.version) throw STALE();
      const refusal = refuseOperation(actor, p, op);
      if (refusal) throw refusalError(refusal);

      const { set, event, custody } = await plan(tx, p, now);
      // Box order is by arrival where the process now is.
      if ('location' in set || 'unit_id' in set) set.located_at = now;
      const columns = Object.keys(set);
      const updated = await tx.query<{ version: number }[]>(
        `WITH changed AS (
           UPDATE processes SET ${[...columns.map((c, i) => `${c} = $${i + 3}`), 'version = version + 1'].join(', ')}
            WHERE id = $1 AND version = $2 RETURNING version)
         SELECT version FROM changed`,
        [id, p.version, ...columns.map((c) => set[c])],
      );
      if (updated.length !== 1) throw STALE();
      if (custody !== undefined) await moveCustody(tx, id, now, custody);
      const eventSequence = await appendEvent(tx, id, now, {
        ...event,
        actorId: actor.userId,
        unitId: event.unitId ?? p.unitId,
      });
      return { id, version: updated[0].version, eventSequence };
    });
  }
}
