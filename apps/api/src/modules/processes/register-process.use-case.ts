import { randomBytes } from 'node:crypto';
import {
  assignableLevel,
  canonicalOriginNumber,
  type Clock,
  Forbidden,
  formatProcessNumber,
  localDate,
  mayRegisterIn,
  MOVEMENTS,
  normalizeCpf,
  refusalError,
  refuseDistributionTarget,
  registrationProblems,
  summaryWarnings,
  ValidationFailed,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { nextYearlyNumber } from '../../common/yearly-sequence';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import type { RegisteredProcessDto, RegisterProcessDto } from './dto/register-process.dto';
import { openLegalDeadline, unitCalendar } from '../deadlines/deadline-store';
import { activeMembersOf, startManualDistribution } from '../distribution/distribution-store';
import { appendEvent, moveCustody } from './process-events';

/**
 * On whose right a process is registered. `CALLER`: the actor's own — it must be allowed
 * to register in the unit (POST /processes). `INSTITUTION`: a citation or intimation
 * about a new process, brought in by someone the institution lets receive it for that
 * unit (the Protocolo, for every unit); whoever passes it has checked that right, and
 * the process is registered public (level 0). The rest — catalogues, numbering, legal
 * deadline, events — is the same either way.
 */
export type RegistrationAuthority = 'CALLER' | 'INSTITUTION';

/**
 * Registration (autuação), new or old: validates against the catalogues, takes the next
 * number of the unit and year, writes the process, its parties, its custody and the
 * Registro event — and, with a responsible member, the distribution event — in one
 * transaction. The number counter's row lock serialises concurrent registrations of a
 * unit, and a rollback gives the number back: no gaps, no duplicates.
 */
@Injectable()
export class RegisterProcess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  run(actor: Actor, dto: RegisterProcessDto): Promise<RegisteredProcessDto> {
    const now = this.clock.now();
    return this.dataSource.transaction((tx) => this.register(tx, actor, dto, { at: now, authority: 'CALLER' }));
  }

  /** Registration inside the caller's transaction, at its instant (a communication routes the new process next). */
  async register(
    tx: EntityManager,
    actor: Actor,
    dto: RegisterProcessDto,
    { at: now, authority }: { at: Date; authority: RegistrationAuthority },
  ): Promise<RegisteredProcessDto> {
    const parties = (dto.parties ?? []).map((p, position) => ({
      position,
      name: p.name.trim(),
      type: p.type.trim(),
      document: p.document ? normalizeCpf(p.document) : null,
      secret: p.secret ?? false,
    }));
    const settings = await this.settings.current(tx);
    const today = localDate(now, settings.timeZone);
    const [unit] = await tx.query<{ code: string }[]>(`SELECT code FROM units WHERE id = $1`, [dto.unitId]);
    if (!unit) throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
    if (authority === 'CALLER' && !mayRegisterIn(actor, dto.unitId))
      throw new Forbidden('Seu perfil não permite registrar processos neste órgão.');

    const kind = await this.checkCatalogues(tx, dto);
    const level = dto.secrecyLevel ?? 0;
    const problems = registrationProblems({
      classKind: kind,
      originNumber: dto.originNumber ?? null,
      oldProcess: dto.oldProcess ?? false,
      instauratedOn: dto.instauratedOn ?? null,
      today,
    });
    const profilesHere = actor.assignments.filter((a) => a.unitId === dto.unitId).map((a) => a.profile);
    // What the institution receives is registered public; secrecy is then a member's decree.
    const assignable = authority === 'INSTITUTION' ? 0 : assignableLevel(profilesHere, settings.secrecyAssignment);
    if (level > assignable) {
      problems.push({ field: 'secrecyLevel', message: 'seu perfil não pode atribuir este nível de sigilo' });
    }
    if (level === 5 && !dto.responsibleMemberId) {
      problems.push({
        field: 'responsibleMemberId',
        message: 'nível 5 exige o membro responsável, o único que o verá',
      });
    }
    if (problems.length) throw new ValidationFailed(problems);
    if (dto.responsibleMemberId) await this.checkManualDistribution(tx, actor, dto.unitId, dto.responsibleMemberId);

    const year = Number(today.slice(0, 4));
    const sequential = await nextYearlyNumber(tx, 'process_number_sequences', unit.code, year);
    const number = formatProcessNumber(unit.code, year, sequential);
    const [process] = await tx.query<{ id: string; version: number }[]>(
      `INSERT INTO processes (number, class_code, subject_code, summary, origin_number, creating_unit_id, unit_id,
         registered_at, registered_by, old_process, instaurated_on, secrecy_level, responsible_member_id,
         location, located_at, access_key, version)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, 'SECRETARIA', $7, $13, 1)
       RETURNING id, version`,
      [
        number,
        dto.classCode,
        dto.subjectCode,
        dto.summary.trim(),
        canonicalOriginNumber(dto.originNumber ?? null),
        dto.unitId,
        now,
        actor.userId,
        dto.oldProcess ?? false,
        dto.instauratedOn ?? null,
        level,
        dto.responsibleMemberId ?? null,
        randomBytes(8).toString('hex').toUpperCase(),
      ],
    );
    // One statement: the search vector's trigger then runs once for all the parties.
    if (parties.length) {
      await tx.query(
        `INSERT INTO process_parties (process_id, position, name, type, document, secret)
         SELECT $1::uuid, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::boolean[])`,
        [
          process.id,
          parties.map((p) => p.position),
          parties.map((p) => p.name),
          parties.map((p) => p.type),
          parties.map((p) => p.document),
          parties.map((p) => p.secret),
        ],
      );
    }
    await moveCustody(tx, process.id, now, { unitId: dto.unitId, holderId: null });
    const legalDeadline = await openLegalDeadline(
      tx,
      {
        processId: process.id,
        classCode: dto.classCode,
        actorId: actor.userId,
        startDay: dto.instauratedOn ?? undefined,
      },
      now,
      await unitCalendar(tx, dto.unitId, now),
    );
    await appendEvent(tx, process.id, now, {
      code: MOVEMENTS.REGISTERED.code,
      actorId: actor.userId,
      unitId: dto.unitId,
      details: {
        classCode: dto.classCode,
        subjectCode: dto.subjectCode,
        oldProcess: dto.oldProcess ?? false,
        ...(dto.instauratedOn ? { instauratedOn: dto.instauratedOn } : {}),
        secrecyLevel: level,
        ...(legalDeadline ? { legalDeadline } : {}),
      },
    });
    if (dto.responsibleMemberId) {
      const { id: distributionId } = await startManualDistribution(tx, {
        processId: process.id,
        memberId: dto.responsibleMemberId,
        distributorId: actor.userId,
        at: now,
        today,
      });
      await appendEvent(tx, process.id, now, {
        code: MOVEMENTS.DISTRIBUTED.code,
        actorId: actor.userId,
        unitId: dto.unitId,
        details: {
          type: 'MANUAL',
          distributionId,
          memberId: dto.responsibleMemberId,
          distributorId: actor.userId,
          startsOn: today,
        },
      });
    }
    return { id: process.id, number, version: process.version, warnings: summaryWarnings(dto.summary, parties) };
  }

  /** The class and subject exist and are offered; returns the class's kind. */
  private async checkCatalogues(tx: EntityManager, dto: RegisterProcessDto): Promise<'EXTRAJUDICIAL' | 'JUDICIAL'> {
    const [klass] = await tx.query<{ kind: 'EXTRAJUDICIAL' | 'JUDICIAL' }[]>(
      `SELECT kind FROM classes WHERE code = $1 AND active`,
      [dto.classCode],
    );
    const subject = await tx.query(`SELECT 1 FROM subjects WHERE code = $1 AND active`, [dto.subjectCode]);
    const problems = [
      ...(klass ? [] : [{ field: 'classCode', message: 'classe não encontrada ou inativa' }]),
      ...(subject.length ? [] : [{ field: 'subjectCode', message: 'assunto não encontrado ou inativo' }]),
    ];
    if (problems.length) throw new ValidationFailed(problems);
    return klass.kind;
  }

  /** Manual distribution: to a member of the unit, by a distributor or by the member itself. */
  private async checkManualDistribution(tx: EntityManager, actor: Actor, unitId: string, memberId: string) {
    if (!(await activeMembersOf(tx, unitId, [memberId])).has(memberId)) {
      throw new ValidationFailed([{ field: 'responsibleMemberId', message: 'não é membro ativo deste órgão' }]);
    }
    const refusal = refuseDistributionTarget(actor, { unitId, responsibleMemberId: null }, memberId);
    if (refusal) throw refusalError(refusal);
  }
}
