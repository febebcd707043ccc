import {
  type InstitutionSettings,
  isTimeZone,
  type SecrecyAssignmentTable,
  secrecyAssignmentProblems,
  ValidationFailed,
} from '@acervo/domain';
import { InstitutionSettingsEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import { staleVersion } from '../../common/stale-version';
import type { Actor } from '../../common/auth/actor';
import type { InstitutionSettingsDto, UpdateInstitutionSettingsDto } from './dto/institution-settings.dto';

/**
 * The institution's settings, read from the database on every use: several API replicas
 * and workers run, and a change must take effect in all of them at once.
 */
@Injectable()
export class InstitutionSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  current(db: EntityManager = this.dataSource.manager): Promise<InstitutionSettings & { version: number }> {
    return readInstitutionSettings(db);
  }

  async update(actor: Actor, dto: UpdateInstitutionSettingsDto): Promise<InstitutionSettingsDto> {
    const problems = [
      ...(dto.timeZone !== undefined && !isTimeZone(dto.timeZone)
        ? [{ field: 'timeZone', message: 'fuso horário IANA desconhecido (ex.: America/Sao_Paulo)' }]
        : []),
      ...(dto.secrecyAssignment ? secrecyAssignmentProblems(dto.secrecyAssignment) : []),
    ];
    if (problems.length) throw new ValidationFailed(problems);
    return this.dataSource.transaction(async (tx) => {
      const row = await tx
        .getRepository(InstitutionSettingsEntity)
        .findOneOrFail({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (row.version !== dto.version) {
        throw staleVersion('As configurações foram alteradas');
      }
      const before = toSettings(row);
      const { version: _, secrecyAssignment, ...changes } = dto;
      const saved = await tx.getRepository(InstitutionSettingsEntity).save({
        ...row,
        ...changes,
        ...(secrecyAssignment ? { secrecyAssignment: secrecyAssignment as SecrecyAssignmentTable } : {}),
      });
      const after = toSettings(saved);
      await this.audit.record(tx, actor, {
        action: 'institution_settings.updated',
        entityType: 'institution_settings',
        entityId: '1',
        before,
        after,
      });
      return after;
    });
  }
}

/** The settings row, for code that runs inside a transaction without the service (deadline arithmetic, seeds). */
export async function readInstitutionSettings(db: EntityManager): Promise<InstitutionSettings & { version: number }> {
  return toSettings(await db.getRepository(InstitutionSettingsEntity).findOneByOrFail({ id: 1 }));
}

function toSettings(row: InstitutionSettingsEntity): InstitutionSettings & { version: number } {
  return {
    timeZone: row.timeZone,
    trustedDeviceDays: row.trustedDeviceDays,
    deadlineWarningDays: row.deadlineWarningDays,
    yearEndRecess: row.yearEndRecess,
    secrecyAssignment: row.secrecyAssignment,
    version: row.version,
  };
}
