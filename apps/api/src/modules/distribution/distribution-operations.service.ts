import {
  type Clock,
  Conflict,
  localDate,
  MOVEMENTS,
  refusalError,
  refuseDistributionTarget,
  ValidationFailed,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import type { OperationResultDto } from '../processes/dto/operations.dto';
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
    @InjectClock() private readonly clock: Clock,
  ) {}

  distribute(actor: Actor, id: string, dto: DistributeDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, id, 'distribute', dto, async (tx, p) => {
      const refusal = refuseDistributionTarget(actor, p.unitId, dto.memberId);
      if (refusal) throw refusalError(refusal);
      if (!(await activeMembersOf(tx, p.unitId, [dto.memberId])).has(dto.memberId)) {
        throw new ValidationFailed([{ field: 'memberId', message: 'não é membro ativo deste órgão' }]);
      }
      if (p.responsibleMemberId === dto.memberId) {
        throw new ValidationFailed([{ field: 'memberId', message: 'já é o membro responsável pelo processo' }]);
      }
      const now = this.clock.now();
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
   * Impedimento/suspeição: the distributed member declares it with its signed declaration;
   * the distribution ends (it still counts: the member did receive), the member is left out
   * of every later draw of this process, and the process goes back to the distribution
   * centre's Secretaria for a new one.
   */
  impediment(actor: Actor, id: string, dto: ImpedimentDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, id, 'impediment', dto, async (tx) => {
      const running = await runningDistribution(tx, id);
      if (!running) throw new Conflict('O processo não tem distribuição em curso.');
      await this.signedDocument(tx, id, dto.documentId, 'DECLARACAO_IMPEDIMENTO');
      const centre = await this.distributionCentre(tx, running.groupId, dto.unitId);
      const now = this.clock.now();
      await endDistribution(tx, running.id, now, await this.today(tx, now), 'IMPEDIMENT');
      await tx.query(
        `INSERT INTO distribution_impediments (process_id, member_id, distribution_id, document_id, declared_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (process_id, member_id) DO NOTHING`,
        [id, running.memberId, running.id, dto.documentId, now],
      );
      return {
        set: { responsible_member_id: null, location: 'SECRETARIA', holder_id: null, unit_id: centre },
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
   * Cancelar distribuição: with the signed cancellation term, the latest distribution not
   * yet cancelled stops counting (the member will receive another) and ends if it was
   * running; the process stays where it is, to be distributed again.
   */
  cancel(actor: Actor, id: string, dto: CancelDistributionDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, id, 'cancel-distribution', dto, async (tx, p) => {
      const [latest] = await tx.query<
        { id: string; groupId: string | null; memberId: string; running: boolean; kind: string }[]
      >(
        `SELECT id, group_id AS "groupId", member_id AS "memberId", ended_at IS NULL AS running, kind
           FROM distributions WHERE process_id = $1 AND cancelled_at IS NULL
          ORDER BY started_at DESC, id DESC LIMIT 1 FOR UPDATE`,
        [id],
      );
      if (!latest) throw new Conflict('O processo não tem distribuição a cancelar.');
      await this.signedDocument(tx, id, dto.documentId, 'TERMO_CANCELAMENTO_DISTRIBUICAO');
      const now = this.clock.now();
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
      return {
        set: latest.running && p.responsibleMemberId === latest.memberId ? { responsible_member_id: null } : {},
        event: {
          code: MOVEMENTS.DISTRIBUTION_CANCELLED.code,
          documentIds: [dto.documentId],
          details: { distributionId: latest.id, memberId: latest.memberId, kind: latest.kind, groupId: latest.groupId },
        },
      };
    });
  }

  private async today(tx: EntityManager, now: Date): Promise<string> {
    return localDate(now, (await this.settings.current(tx)).timeZone);
  }

  /** A signed document of this process, of the type the act requires. */
  private async signedDocument(tx: EntityManager, processId: string, documentId: string, typeCode: string) {
    const found = await tx.query(
      `SELECT 1 FROM documents WHERE id = $1 AND process_id = $2 AND type_code = $3 AND status = 'SIGNED' AND trashed_at IS NULL`,
      [documentId, processId, typeCode],
    );
    if (!found.length) {
      throw new ValidationFailed([
        { field: 'documentId', message: `informe um documento assinado deste processo, do tipo ${typeCode}` },
      ]);
    }
  }

  /** Where an impeded process returns: the drawing group's unit, else the one named. */
  private async distributionCentre(tx: EntityManager, groupId: string | null, unitId: string | undefined) {
    if (groupId && !unitId) {
      const [group] = await tx.query<{ unit_id: string }[]>(`SELECT unit_id FROM distribution_groups WHERE id = $1`, [
        groupId,
      ]);
      return group.unit_id;
    }
    if (!unitId) {
      throw new ValidationFailed([
        { field: 'unitId', message: 'distribuição manual: informe o centro de distribuição' },
      ]);
    }
    if (!(await tx.query(`SELECT 1 FROM units WHERE id = $1`, [unitId])).length) {
      throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
    }
    return unitId;
  }
}
