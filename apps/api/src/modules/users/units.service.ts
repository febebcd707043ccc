import { Conflict, NotFound } from '@acervo/domain';
import { UnitEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import { staleVersion } from '../../common/stale-version';
import { decodeCursor, type PageQuery, toPage } from '../../common/pagination';
import type { CreateUnitDto, UnitDto, UnitListDto, UpdateUnitDto } from './dto/unit.dto';

const duplicateCode = () =>
  new Conflict('Já existe um órgão com este código.', [{ field: 'code', message: 'código já usado' }]);

@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitDto> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const unit = await tx.getRepository(UnitEntity).save(tx.getRepository(UnitEntity).create(dto));
        await this.audit.record(tx, actor, {
          action: 'unit.created',
          entityType: 'unit',
          entityId: unit.id,
          after: unit,
        });
        return toUnitDto(unit);
      });
    } catch (e) {
      throw translateConstraint(e, { UQ_units_code: duplicateCode });
    }
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    return this.dataSource.transaction(async (tx) => {
      const before = await this.lock(tx, id);
      if (before.version !== dto.version) throw staleVersion();
      const { version: _, ...changes } = dto;
      const after = await tx.getRepository(UnitEntity).save({ ...before, ...changes });
      await this.audit.record(tx, actor, { action: 'unit.updated', entityType: 'unit', entityId: id, before, after });
      return toUnitDto(after);
    });
  }

  /** Units are not secret: any signed-in user forwards processes to them. Ordered by code. */
  async list(query: PageQuery): Promise<UnitListDto> {
    const after = decodeCursor(query.cursor);
    const qb = this.dataSource
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .orderBy('u.code')
      .addOrderBy('u.id')
      .limit(query.limit + 1);
    if (after) qb.where('(u.code, u.id) > (:key, :id)', after);
    const rows = (await qb.getMany()).map(toUnitDto);
    return toPage(rows, query.limit, (u) => u.code);
  }

  async get(id: string): Promise<UnitDto> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ id });
    if (!unit) throw new NotFound('Órgão não encontrado.');
    return toUnitDto(unit);
  }

  private async lock(tx: EntityManager, id: string): Promise<UnitEntity> {
    const unit = await tx.getRepository(UnitEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFound('Órgão não encontrado.');
    return unit;
  }
}

function toUnitDto(u: UnitEntity): UnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    city: u.city,
    uf: u.uf as UnitDto['uf'],
    version: u.version,
  };
}
