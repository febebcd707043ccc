import {
  Conflict,
  localDate,
  MOVEMENTS,
  refusalError,
  refuseCancellation,
  refuseDistributionTarget,
  ValidationFailed,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import type { OperationResultDto } from '../processes/dto/operations.dto';
import type { Plan } from '../processes/process-operations.service';
import { ProcessOperations } from '../processes/process-operations.service';
import { activeMembersOf, endDistribution, runningDistribution, startManualDistribution } from './distribution-store';
import type { CancelDistributionDto, DistributeDto, ImpedimentDto } from './dto/distribution.dto';

/**
 * The distribution acts on one process (DOMAIN §5): manual distribution, the member's
 * declaration of impediment or suspicion, and the cancellation of a distribution. They
 * share the process operations' lock, version check and rules, and each writes its event.
 */
@Injectable()
export class DistributionOperations {
  constructor(
    private readonly operations: ProcessOperations,
    private readonly settings: InstitutionSettingsService,
  ) {}

  distribute(actor: Actor, id: string, dto: DistributeDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, id, 'distribute', dto, async (tx, p, now) => {
      const refusal = refuseDistributionTarget(actor, p, dto.memberId);
      if (refusal) throw refusalError(refusal);
      const impeded = await tx.query(
        `SELECT 1 FROM distribution_impediments WHERE process_id = $1 AND member_id = $2`,
        [id, dto.memberId],
      );
      if (impeded.length) {
        throw new Conflict('O membro declarou impedimento ou suspeição neste processo.', [
          { field: 'memberId', message: 'membro impedido neste processo' },
        ]);
      }
      if (!(await activeMembersOf(tx, p.unitId, [dto.memberId])).has(dto.memberId)) {
        throw new ValidationFailed([{ field: 'memberId', message: 'não é membro ativo deste órgão' }]);
      }
      if (p.responsibleMemberId === dto.memberId) {
        throw new ValidationFailed([{ field: 'memberId', message: 'já é o membro responsável pelo processo' }]);
      }
      const today = await this.today(tx, now);
      const { id: distributionId, replaced } = await startManualDistribution(tx, {
        processId: id,
        memberId: dto.memberId,
        distributorId: actor.userId,
        at: now,
        today,
      });
      return {
        set: { responsible_member_id: dto.memberId },
        event: {
          code: MOVEMENTS.DISTRIBUTED.code,
          details: {
            type: 'MANUAL',
            distributionId,
            memberId: dto.memberId,
            distributorId: actor.userId,
            startsOn: today,
            ...(replaced ? { replacedMemberId: replaced.memberId } : {}),
          },
        },
      };
    });
  }

  /**
   * Impedimento/suspeição: the distributed member declares it with the declaration it
   * signed; the distribution ends (it still counts: the member did receive), the member is
   * left out of every later draw of this process, and the process goes back to the
   * distribution centre's Secretaria — the drawing group's, or the centre named for a
   * manual distribution.
   */
  impediment(actor: Actor, id: string, dto: ImpedimentDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, id, 'impediment', dto, async (tx, _p, now) => {
      const running = await runningDistribution(tx, id);
      if (!running) throw new Conflict('O processo não tem distribuição em curso.');
      await this.signedDocument(tx, id, dto.documentId, 'DECLARACAO_IMPEDIMENTO', actor.userId);
      const centre = await this.distributionCentre(tx, running.groupId, dto.unitId);
      await endDistribution(tx, running.id, now, await this.today(tx, now), 'IMPEDIMENT');
      await tx.query(
        `INSERT INTO distribution_impediments (process_id, member_id, distribution_id, document_id, declared_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (process_id, member_id) DO NOTHING`,
        [id, running.memberId, running.id, dto.documentId, now],
      );
      return {
        set: { responsible_member_id: null, ...backToSecretaria(centre) },
        event: {
          code: MOVEMENTS.IMPEDIMENT_DECLARED.code,
          documentIds: [dto.documentId],
          details: { distributionId: running.id, memberId: running.memberId, toUnitId: centre },
        },
        custody: { unitId: centre, holderId: null },
      };
    });
  }

  /**
   * Cancelar distribuição: with a signed cancellation term not used before, the process's
   * latest distribution stops counting (its member will receive another) and ends if it
   * was running. A drawn one is the drawing unit's to cancel, and the process goes back to
   * that unit's Secretaria so it can be drawn again.
   */
  cancel(actor: Actor, id: string, dto: CancelDistributionDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, id, 'cancel-distribution', dto, async (tx, p, now) => {
      const [latest] = await tx.query<
        {
          id: string;
          groupId: string | null;
          groupUnitId: string | null;
          memberId: string;
          running: boolean;
          cancelled: boolean;
          kind: string;
        }[]
      >(
        `SELECT d.id, d.group_id AS "groupId", g.unit_id AS "groupUnitId", d.member_id AS "memberId",
                d.ended_at IS NULL AS running, d.cancelled_at IS NOT NULL AS cancelled, d.kind
           FROM distributions d LEFT JOIN distribution_groups g ON g.id = d.group_id
          WHERE d.process_id = $1 ORDER BY d.started_at DESC, d.id DESC LIMIT 1 FOR UPDATE OF d`,
        [id],
      );
      const refusal = refuseCancellation(actor, latest?.groupUnitId ?? p.unitId);
      if (refusal) throw refusalError(refusal);
      if (!latest || latest.cancelled) throw new Conflict('O processo não tem distribuição a cancelar.');
      await this.signedDocument(tx, id, dto.documentId, 'TERMO_CANCELAMENTO_DISTRIBUICAO');
      const used = await tx.query(
        `SELECT 1 FROM process_events WHERE process_id = $1 AND code = $2 AND $3::uuid = ANY(document_ids)`,
        [id, MOVEMENTS.DISTRIBUTION_CANCELLED.code, dto.documentId],
      );
      if (used.length) {
        throw new ValidationFailed([{ field: 'documentId', message: 'este termo já cancelou uma distribuição' }]);
      }
      await tx.query(
        `UPDATE distributions SET cancelled_at = $2, cancelled_by = $3, ended_at = coalesce(ended_at, $2),
                ends_on = coalesce(ends_on, $4::date), end_reason = coalesce(end_reason, 'CANCELLED')
          WHERE id = $1`,
        [latest.id, now, actor.userId, await this.today(tx, now)],
      );
      if (latest.groupId) {
        await tx.query(
          `UPDATE distribution_group_members SET received = received - 1 WHERE group_id = $1 AND user_id = $2`,
          [latest.groupId, latest.memberId],
        );
      }
      const home = latest.groupUnitId && latest.groupUnitId !== p.unitId ? latest.groupUnitId : null;
      const plan: Plan = {
        set: {
          ...(latest.running ? { responsible_member_id: null } : {}),
          ...(home ? backToSecretaria(home) : {}),
        },
        event: {
          code: MOVEMENTS.DISTRIBUTION_CANCELLED.code,
          documentIds: [dto.documentId],
          details: {
            distributionId: latest.id,
            memberId: latest.memberId,
            kind: latest.kind,
            groupId: latest.groupId,
            ...(home ? { toUnitId: home } : {}),
          },
        },
      };
      return home ? { ...plan, custody: { unitId: home, holderId: null } } : plan;
    });
  }

  private async today(tx: EntityManager, now: Date): Promise<string> {
    return localDate(now, (await this.settings.current(tx)).timeZone);
  }

  /** A signed document of this process, of the type the act requires (and by its signer, when named). */
  private async signedDocument(
    tx: EntityManager,
    processId: string,
    documentId: string,
    typeCode: string,
    signedBy?: string,
  ) {
    const found = await tx.query(
      `SELECT 1 FROM documents WHERE id = $1 AND process_id = $2 AND type_code = $3 AND status = 'SIGNED'
          AND trashed_at IS NULL AND ($4::uuid IS NULL OR signed_by = $4)`,
      [documentId, processId, typeCode, signedBy ?? null],
    );
    if (!found.length) {
      const whose = signedBy ? ', assinado por você' : '';
      throw new ValidationFailed([
        { field: 'documentId', message: `informe um documento deste processo do tipo ${typeCode}${whose}` },
      ]);
    }
  }

  /**
   * Where an impeded process returns: the drawing group's unit (a different `unitId` is
   * refused), or, for a manual distribution, the distribution centre named.
   */
  private async distributionCentre(tx: EntityManager, groupId: string | null, unitId: string | undefined) {
    if (groupId) {
      const [group] = await tx.query<{ unit_id: string }[]>(`SELECT unit_id FROM distribution_groups WHERE id = $1`, [
        groupId,
      ]);
      if (unitId && unitId !== group.unit_id) {
        throw new ValidationFailed([
          { field: 'unitId', message: 'distribuição por sorteio: volta ao centro de distribuição do grupo' },
        ]);
      }
      return group.unit_id;
    }
    if (!unitId) {
      throw new ValidationFailed([
        { field: 'unitId', message: 'distribuição manual: informe o centro de distribuição' },
      ]);
    }
    const centre = await tx.query(`SELECT 1 FROM units WHERE id = $1 AND kind = 'DISTRIBUTION_CENTER'`, [unitId]);
    if (!centre.length) {
      throw new ValidationFailed([{ field: 'unitId', message: 'não é um centro de distribuição' }]);
    }
    return unitId;
  }
}

/** The columns of a process arriving in a unit's Secretaria. */
function backToSecretaria(unitId: string) {
  return { location: 'SECRETARIA', holder_id: null, unit_id: unitId };
}
