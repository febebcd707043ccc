import { Conflict, NotFound } from '@acervo/domain';
import { HolidayEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { Between, DataSource } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import type { CreateHolidayDto, HolidayDto, HolidayListDto, HolidaysQuery } from './dto/holiday.dto';

/** The holiday calendar deadlines skip (DOMAIN §6). */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(query: HolidaysQuery): Promise<HolidayListDto> {
    const where = query.year ? { date: Between(`${query.year}-01-01`, `${query.year}-12-31`) } : {};
    const rows = await this.dataSource
      .getRepository(HolidayEntity)
      .find({ where, order: { date: 'ASC', name: 'ASC' } });
    return { items: rows.map(toDto), nextCursor: null };
  }

  async create(actor: Actor, dto: CreateHolidayDto): Promise<HolidayDto> {
    const scope = dto.scope ?? 'NATIONAL';
    try {
      return await this.dataSource.transaction(async (tx) => {
        const holiday = await tx.getRepository(HolidayEntity).save({
          date: dto.date,
          name: dto.name.trim(),
          scope,
          uf: scope === 'NATIONAL' ? null : (dto.uf ?? null),
          city: scope === 'MUNICIPAL' ? (dto.city?.trim() ?? null) : null,
        });
        const after = toDto(holiday);
        await this.audit.record(tx, actor, {
          action: 'holiday.created',
          entityType: 'holiday',
          entityId: holiday.id,
          after,
        });
        return after;
      });
    } catch (e) {
      throw translateConstraint(e, {
        UQ_holidays_date_place: () =>
          new Conflict('Já há um feriado nesta data para este local.', [
            { field: 'date', message: 'data já cadastrada' },
          ]),
      });
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const holiday = await tx.getRepository(HolidayEntity).findOneBy({ id });
      if (!holiday) throw new NotFound('Feriado não encontrado.');
      await tx.getRepository(HolidayEntity).delete({ id });
      await this.audit.record(tx, actor, {
        action: 'holiday.removed',
        entityType: 'holiday',
        entityId: id,
        before: toDto(holiday),
      });
    });
  }
}

function toDto(h: HolidayEntity): HolidayDto {
  return { id: h.id, date: h.date, name: h.name, scope: h.scope, uf: h.uf, city: h.city };
}
