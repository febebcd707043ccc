import { randomUUID } from 'node:crypto';
import {
  type BatchDraw,
  batchProblems,
  type BatchItem,
  type Clock,
  Conflict,
  designationCovers,
  DRAW_ALGORITHM,
  drawBatch,
  Forbidden,
  isDistributorIn,
  type GroupMember,
  localDate,
  MEMBER_PROFILES,
  MOVEMENTS,
  NotFound,
  type ProcessPosition,
  refusalError,
  refuseOperation,
  type SeedSource,
  seedCommitment,
  ValidationFailed,
} from '@acervo/domain';
import { fullContentSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock, InjectSeeds } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { staleVersion } from '../../common/stale-version';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { appendEvents, moveCustodies, type NewEvent } from '../processes/process-events';
import type { LotteryDto, LotteryResultDto, ProcessLotteryDto } from './dto/distribution.dto';

export const GROUP_NOT_FOUND = 'Grupo de distribuição não encontrado.';

interface MemberRow {
  memberId: string;
  weight: string;
  received: number;
  unitId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  active: boolean;
  /** Member units (MEMBER, CHIEF, ON_DUTY) of the user. */
  memberUnits: string[];
}

/** What the lottery reads of a process: where it is and who may act on it. */
type ProcessRow = ProcessPosition & { id: string; version: number };

interface Request {
  groupId: string;
  /** Lower-case: PostgreSQL answers with lower-case ids. */
  processIds: string[];
  sendImmediately: boolean;
  /** Process → the related (principal) process whose member is prevento. */
  preventions: Map<string, string>;
  /** The version the caller read, per process (the single-process route). */
  versions?: Map<string, number>;
  /** The field a problem names: of the i-th process, or of its prevention. */
  field: (i: number, about: 'process' | 'prevention') => string;
}

/** Where a drawn process goes when sent at once: concluded to the member, or to its unit. */
type Destination = { conclude: true } | { conclude: false; unitId: string };

/**
 * The lottery (DOMAIN §5) over a batch of processes of one distribution group, in two
 * transactions. The first checks the batch and records the SHA-256 of a fresh seed —
 * committed before anything is drawn, so a batch run again to get another result leaves
 * its first commitment behind. The second locks the group's counters (concurrent
 * lotteries of a group queue here) and the processes, checks again, draws in order with
 * `drawBatch`, and writes draws, distributions, counters, process changes, events and the
 * revealed seed — in set-based statements, a 10 000-process batch included.
 */
@Injectable()
export class RunLottery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
    @InjectSeeds() private readonly seeds: SeedSource,
  ) {}

  forGroup(actor: Actor, groupId: string, dto: LotteryDto): Promise<LotteryResultDto> {
    const processIds = dto.processIds.map((id) => id.toLowerCase());
    const inBatch = new Set(processIds);
    const seen = new Set<string>();
    const problems = processIds.flatMap((id, i) => {
      const repeated = seen.has(id);
      seen.add(id);
      return repeated ? [{ field: `processIds.${i}`, message: 'processo repetido' }] : [];
    });
    const preventions = new Map<string, string>();
    (dto.preventions ?? []).forEach((p, i) => {
      const processId = p.processId.toLowerCase();
      if (!inBatch.has(processId)) {
        problems.push({ field: `preventions.${i}.processId`, message: 'o processo não está no sorteio' });
      } else if (preventions.has(processId)) {
        problems.push({ field: `preventions.${i}.processId`, message: 'prevenção repetida' });
      }
      preventions.set(processId, p.relatedProcessId.toLowerCase());
    });
    if (problems.length) throw new ValidationFailed(problems);
    const position = new Map(processIds.map((id, i) => [id, i]));
    const preventionIndex = new Map(
      (dto.preventions ?? []).map((p, i) => [position.get(p.processId.toLowerCase()), i]),
    );
    return this.run(actor, {
      groupId,
      processIds,
      sendImmediately: dto.sendImmediately ?? false,
      preventions,
      field: (i, about) =>
        about === 'prevention' ? `preventions.${preventionIndex.get(i)}.relatedProcessId` : `processIds.${i}`,
    });
  }

  forProcess(actor: Actor, processId: string, dto: ProcessLotteryDto): Promise<LotteryResultDto> {
    const id = processId.toLowerCase();
    return this.run(actor, {
      groupId: dto.groupId,
      processIds: [id],
      sendImmediately: dto.sendImmediately ?? false,
      preventions: new Map(dto.relatedProcessId ? [[id, dto.relatedProcessId.toLowerCase()]] : []),
      versions: new Map([[id, dto.version]]),
      field: (_, about) => (about === 'prevention' ? 'relatedProcessId' : 'groupId'),
    });
  }

  private async run(actor: Actor, request: Request): Promise<LotteryResultDto> {
    const seed = this.seeds.newSeed();
    const commitment = seedCommitment(seed);
    // Checked first so that bad input writes nothing, commitment included.
    const batchId = await this.dataSource.transaction(async (tx) => {
      const at = this.clock.now();
      await this.prepare(tx, actor, request, at);
      const [batch] = await tx.query<{ id: string }[]>(
        `INSERT INTO distribution_batches (group_id, algorithm, commitment, run_by, send_immediately, committed_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [request.groupId, DRAW_ALGORITHM, commitment, actor.userId, request.sendImmediately, at],
      );
      return batch.id;
    });
    return this.dataSource.transaction(async (tx) => {
      const at = this.clock.now();
      const prepared = await this.prepare(tx, actor, request, at);
      const { draws, received } = drawBatch(seed, prepared.members, prepared.items);
      const versions = await this.write(tx, actor, request, { ...prepared, batchId, draws, received, at });
      await tx.query(`UPDATE distribution_batches SET seed = $2, drawn_at = $3 WHERE id = $1`, [
        batchId,
        seed.toString('hex'),
        at,
      ]);
      return {
        batchId,
        algorithm: DRAW_ALGORITHM,
        commitment,
        seed: seed.toString('hex'),
        draws: draws.map((d, i) => ({
          id: prepared.drawIds[i],
          processId: d.processId,
          memberId: d.memberId,
          prevention: d.prevention,
          processVersion: versions.get(d.processId)!,
        })),
      };
    });
  }

  /** Locks and checks everything the batch needs; refusals name the process or field. */
  private async prepare(tx: EntityManager, actor: Actor, request: Request, at: Date) {
    const [group] = await tx.query<{ id: string; unit_id: string }[]>(
      `SELECT id, unit_id FROM distribution_groups WHERE id = $1 FOR SHARE`,
      [request.groupId],
    );
    if (!group) throw new NotFound(GROUP_NOT_FOUND);
    if (!isDistributorIn(actor, group.unit_id)) {
      throw new Forbidden('Só a chefia ou a gerência do centro de distribuição sorteia neste grupo.');
    }
    const today = localDate(at, (await this.settings.current(tx)).timeZone);
    // The processes in id order, then the group's counters: a cancellation (process, then
    // its group's counter) takes them in the same order, and two lotteries of a group queue
    // on the counters — no order of theirs can deadlock.
    const processes = await tx.query<ProcessRow[]>(
      `SELECT p.id, p.unit_id AS "unitId", p.location, p.holder_id AS "holderId",
              p.responsible_member_id AS "responsibleMemberId", p.secrecy_level AS "secrecyLevel", p.version
         FROM processes p
        WHERE p.id = ANY($1::uuid[]) AND ${fullContentSql('p', { user: '$2', now: '$3' })}
        ORDER BY p.id FOR UPDATE OF p`,
      [request.processIds, actor.userId, at],
    );
    const memberRows = await tx.query<MemberRow[]>(
      `SELECT m.user_id AS "memberId", m.weight, m.received, m.unit_id AS "unitId",
              to_char(m.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn",
              u.active, ARRAY(SELECT a.unit_id FROM assignments a
                                WHERE a.user_id = m.user_id AND a.profile = ANY($2::text[])) AS "memberUnits"
         FROM distribution_group_members m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = $1 ORDER BY m.user_id FOR UPDATE OF m`,
      [group.id, MEMBER_PROFILES],
    );
    const byId = new Map(processes.map((p) => [p.id, p]));
    const distributed = new Set(
      (
        await tx.query<{ process_id: string }[]>(
          `SELECT process_id FROM distributions WHERE process_id = ANY($1::uuid[]) AND ended_at IS NULL`,
          [request.processIds],
        )
      ).map((r) => r.process_id),
    );
    const invalid: { field: string; message: string }[] = [];
    const conflicts: { field: string; message: string }[] = [];
    request.processIds.forEach((id, i) => {
      const p = byId.get(id);
      const field = request.field(i, 'process');
      if (!p) return invalid.push({ field, message: 'processo não encontrado' });
      if (p.unitId !== group.unit_id) return invalid.push({ field, message: 'o processo não está no órgão do grupo' });
      const refusal = refuseOperation(actor, p, 'lottery');
      if (refusal?.reason === 'actor') throw refusalError(refusal);
      if (refusal) return conflicts.push({ field, message: refusal.message });
      const read = request.versions?.get(id);
      if (read !== undefined && read !== p.version) throw staleVersion('O processo foi alterado');
      if (distributed.has(id)) conflicts.push({ field, message: 'o processo já está distribuído' });
    });
    if (request.versions && !byId.size) throw new NotFound('Processo não encontrado.');
    if (invalid.length) throw new ValidationFailed(invalid);
    if (conflicts.length) throw new Conflict('Há processos que não podem ser sorteados agora.', conflicts);

    const impediments = await tx.query<{ process_id: string; member_id: string }[]>(
      `SELECT process_id, member_id FROM distribution_impediments WHERE process_id = ANY($1::uuid[])`,
      [request.processIds],
    );
    const prevento = await this.preventos(tx, actor, request, at);
    const members: GroupMember[] = memberRows.map((m) => ({
      memberId: m.memberId,
      weight: Number(m.weight),
      received: m.received,
      inExercise: m.active && designationCovers(m.startsOn, m.endsOn, today),
    }));
    const impededOn = new Map<string, string[]>();
    for (const r of impediments) impededOn.set(r.process_id, [...(impededOn.get(r.process_id) ?? []), r.member_id]);
    const items: BatchItem[] = request.processIds.map((processId) => ({
      processId,
      impeded: impededOn.get(processId) ?? [],
      ...(prevento.has(processId) ? { prevento: prevento.get(processId) } : {}),
    }));
    const problems = batchProblems(members, items, 'processIds').map((p) => {
      const i = Number(p.field.split('.')[1]);
      return { field: request.field(i, items[i].prevento ? 'prevention' : 'process'), message: p.message };
    });
    if (problems.length) throw new Conflict('Não há a quem distribuir.', problems);

    const destinations = new Map<string, Destination>();
    if (request.sendImmediately) {
      const missing: { field: string; message: string }[] = [];
      for (const m of memberRows.filter((r) => members.find((g) => g.memberId === r.memberId)!.inExercise)) {
        if (m.memberUnits.includes(group.unit_id)) destinations.set(m.memberId, { conclude: true });
        else if (m.unitId) destinations.set(m.memberId, { conclude: false, unitId: m.unitId });
        else
          missing.push({
            field: 'sendImmediately',
            message: `o membro ${m.memberId} não tem órgão de destino no grupo`,
          });
      }
      if (missing.length) throw new Conflict('Não há para onde enviar os processos sorteados.', missing);
    }
    return {
      group,
      today,
      members,
      items,
      processes: byId,
      destinations,
      drawIds: request.processIds.map(() => randomUUID()),
    };
  }

  /**
   * Prevention: each process's member prevento is the responsible member of the related
   * (principal) process named — visible to the caller and distributed — never a free pick.
   */
  private async preventos(tx: EntityManager, actor: Actor, request: Request, at: Date): Promise<Map<string, string>> {
    if (!request.preventions.size) return new Map();
    const related = await tx.query<{ id: string; responsible_member_id: string | null }[]>(
      `SELECT p.id, p.responsible_member_id FROM processes p
        WHERE p.id = ANY($1::uuid[]) AND ${fullContentSql('p', { user: '$2', now: '$3' })}`,
      [[...new Set(request.preventions.values())], actor.userId, at],
    );
    const memberOf = new Map(related.map((r) => [r.id, r.responsible_member_id]));
    const problems: { field: string; message: string }[] = [];
    const prevento = new Map<string, string>();
    request.processIds.forEach((processId, i) => {
      const relatedId = request.preventions.get(processId);
      if (!relatedId) return;
      const field = request.field(i, 'prevention');
      if (relatedId === processId) problems.push({ field, message: 'um processo não é prevento de si mesmo' });
      else if (!memberOf.has(relatedId)) problems.push({ field, message: 'processo relacionado não encontrado' });
      else if (!memberOf.get(relatedId))
        problems.push({ field, message: 'o processo relacionado não tem membro responsável' });
      else prevento.set(processId, memberOf.get(relatedId)!);
    });
    if (problems.length) throw new ValidationFailed(problems);
    return prevento;
  }

  /** Set-based writes of a drawn batch; returns each process's new version. */
  private async write(
    tx: EntityManager,
    actor: Actor,
    request: Request,
    b: Awaited<ReturnType<RunLottery['prepare']>> & {
      batchId: string;
      draws: BatchDraw[];
      received: Map<string, number>;
      at: Date;
    },
  ): Promise<Map<string, number>> {
    const distributionIds = b.draws.map(() => randomUUID());
    await tx.query(
      `INSERT INTO distribution_draws (id, batch_id, group_id, position, process_id, prevention, related_process_id,
         candidates, excluded, tied, random_value, attempt, member_id, drawn_at)
       SELECT d.id, $2, $3, d.position - 1, d.process_id, d.prevention, d.related_process_id, d.candidates, d.excluded,
              d.tied, d.random_value, d.attempt, d.member_id, $4
         FROM unnest($1::uuid[], $5::uuid[], $6::boolean[], $13::uuid[], $7::jsonb[], $8::jsonb[], $9::jsonb[],
                     $10::text[], $11::int[], $12::uuid[]) WITH ORDINALITY
              AS d(id, process_id, prevention, related_process_id, candidates, excluded, tied, random_value, attempt,
                   member_id, position)`,
      [
        b.drawIds,
        b.batchId,
        b.group.id,
        b.at,
        b.draws.map((d) => d.processId),
        b.draws.map((d) => d.prevention),
        b.draws.map((d) => JSON.stringify(d.candidates)),
        b.draws.map((d) => JSON.stringify(d.excluded)),
        b.draws.map((d) => JSON.stringify(d.tied)),
        b.draws.map((d) => d.randomValue),
        b.draws.map((d) => d.attempt),
        b.draws.map((d) => d.memberId),
        b.draws.map((d) => (d.prevention ? request.preventions.get(d.processId)! : null)),
      ],
    );
    await tx.query(
      `INSERT INTO distributions (id, process_id, kind, group_id, draw_id, member_id, distributor_id, starts_on, started_at)
       SELECT d.id, d.process_id, d.kind, $4, d.draw_id, d.member_id, $5, $6, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $8::uuid[], $9::uuid[]) AS d(id, process_id, kind, draw_id, member_id)`,
      [
        distributionIds,
        b.draws.map((d) => d.processId),
        b.draws.map((d) => (d.prevention ? 'PREVENTION' : 'LOTTERY')),
        b.group.id,
        actor.userId,
        b.today,
        b.at,
        b.drawIds,
        b.draws.map((d) => d.memberId),
      ],
    );
    await tx.query(
      `UPDATE distribution_group_members m SET received = c.received
         FROM unnest($2::uuid[], $3::int[]) AS c(user_id, received)
        WHERE m.group_id = $1 AND m.user_id = c.user_id AND m.received <> c.received`,
      [b.group.id, [...b.received.keys()], [...b.received.values()]],
    );

    const sent = b.draws.map((d) => (request.sendImmediately ? b.destinations.get(d.memberId)! : undefined));
    const changed = await tx.query<{ id: string; version: number }[]>(
      `WITH changed AS (
         UPDATE processes p SET responsible_member_id = c.member_id, version = p.version + 1,
                location = coalesce(c.location, p.location),
                holder_id = CASE WHEN c.location IS NULL THEN p.holder_id ELSE c.holder_id END,
                unit_id = coalesce(c.unit_id, p.unit_id),
                located_at = CASE WHEN c.location IS NULL THEN p.located_at ELSE $5 END
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $6::uuid[]) AS c(id, member_id, location, holder_id, unit_id)
          WHERE p.id = c.id
         RETURNING p.id, p.version)
       SELECT id, version FROM changed`,
      [
        b.draws.map((d) => d.processId),
        b.draws.map((d) => d.memberId),
        sent.map((s) => (s ? (s.conclude ? 'CONCLUSO' : 'SECRETARIA') : null)),
        b.draws.map((d, i) => (sent[i]?.conclude ? d.memberId : null)),
        b.at,
        sent.map((s) => (s && !s.conclude ? s.unitId : null)),
      ],
    );

    const events: (NewEvent & { processId: string })[] = [];
    const moves: { processId: string; unitId: string; holderId: string | null }[] = [];
    b.draws.forEach((d, i) => {
      const unitId = b.group.unit_id;
      events.push({
        processId: d.processId,
        code: MOVEMENTS.DISTRIBUTED.code,
        actorId: actor.userId,
        unitId,
        details: {
          type: d.prevention ? 'PREVENTION' : 'LOTTERY',
          distributionId: distributionIds[i],
          drawId: b.drawIds[i],
          batchId: b.batchId,
          groupId: b.group.id,
          memberId: d.memberId,
          distributorId: actor.userId,
          startsOn: b.today,
        },
      });
      const to = sent[i];
      if (!to) return;
      if (to.conclude) {
        events.push({
          processId: d.processId,
          code: MOVEMENTS.CONCLUDED.code,
          actorId: actor.userId,
          unitId,
          details: { toUserId: d.memberId },
        });
        moves.push({ processId: d.processId, unitId, holderId: d.memberId });
      } else {
        events.push({
          processId: d.processId,
          code: MOVEMENTS.SENT.code,
          actorId: actor.userId,
          unitId,
          details: { fromUnitId: unitId, toUnitId: to.unitId },
        });
        moves.push({ processId: d.processId, unitId: to.unitId, holderId: null });
      }
    });
    await moveCustodies(tx, b.at, moves);
    await appendEvents(tx, b.at, events);
    return new Map(changed.map((r) => [r.id, r.version]));
  }
}
