import { Conflict, NotFound, ValidationFailed } from '@acervo/domain';
import { DutyPeriodEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import { decodeCursor, toPage } from '../../common/pagination';
import type { CreateDutyPeriodDto, DutyPeriodDto, DutyPeriodListDto, DutyPeriodsQuery } from './dto/duty-period.dto';
import { OrganisationAccess } from './organisation-access';

const overlapping = () =>
  new Conflict('O período se sobrepõe a outro plantão do órgão.', [
    { field: 'startsAt', message: 'sobreposição com outro plantão do órgão' },
  ]);

/** The plantão roster: who, as ON_DUTY, receives a unit's urgent intimations, and when. */
@Injectable()
export class DutyPeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, dto: CreateDutyPeriodDto): Promise<DutyPeriodDto> {
    this.access.assertMayManageUnit(actor, dto.unitId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt)
      throw new ValidationFailed([{ field: 'endsAt', message: 'o fim deve ser depois do início' }]);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const onDuty = await tx.query(
          `SELECT 1 FROM assignments a JOIN users u ON u.id = a.user_id
            WHERE a.user_id = $1 AND a.unit_id = $2 AND a.profile = 'ON_DUTY' AND u.active`,
          [dto.memberId, dto.unitId],
        );
        if (!onDuty.length) {
          throw new ValidationFailed([
            { field: 'memberId', message: 'o usuário não tem o perfil ON_DUTY neste órgão' },
          ]);
        }
        const period = await tx
          .getRepository(DutyPeriodEntity)
          .save({ unitId: dto.unitId, memberId: dto.memberId, startsAt, endsAt });
        const after = toDto(period);
        await this.audit.record(tx, actor, {
          action: 'duty_period.created',
          entityType: 'duty_period',
          entityId: period.id,
          after,
        });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, { EX_duty_periods_overlap: overlapping });
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const period = await tx
        .getRepository(DutyPeriodEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!period) throw new NotFound('Plantão não encontrado.');
      this.access.assertMayManageUnit(actor, period.unitId);
      await tx.getRepository(DutyPeriodEntity).delete({ id });
      await this.audit.record(tx, actor, {
        action: 'duty_period.removed',
        entityType: 'duty_period',
        entityId: id,
        before: toDto(period),
      });
    });
  }

  /** The roster is not secret: communications are routed by it. Ordered by start. */
  async list(query: DutyPeriodsQuery): Promise<DutyPeriodListDto> {
    const after = decodeCursor(query.cursor);
    const qb = this.dataSource
      .getRepository(DutyPeriodEntity)
      .createQueryBuilder('d')
      .orderBy('d.startsAt')
      .addOrderBy('d.id')
      .limit(query.limit + 1);
    if (query.unitId) qb.andWhere('d.unitId = :unitId', { unitId: query.unitId });
    if (query.from) qb.andWhere('d.endsAt > :from', { from: query.from });
    if (after) qb.andWhere('(d.startsAt, d.id) > (CAST(:key AS timestamptz), CAST(:id AS uuid))', after);
    const rows = (await qb.getMany()).map(toDto);
    return toPage(rows, query.limit, (d) => d.startsAt);
  }
}

function toDto(d: DutyPeriodEntity): DutyPeriodDto {
  return {
    id: d.id,
    unitId: d.unitId,
    memberId: d.memberId,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
  };
}
