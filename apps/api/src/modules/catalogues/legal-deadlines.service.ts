import { legalDeadlineProblems, type LegalDeadlineRule, ValidationFailed } from '@acervo/domain';
import { LegalDeadlineRuleEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { staleVersion } from '../../common/stale-version';
import type { ReplaceLegalDeadlinesDto } from './dto/legal-deadline.dto';

/** The table as read: its rules and the one version of the whole. */
export interface LegalDeadlineTable {
  items: LegalDeadlineRule[];
  version: number;
}

/** The legal-deadline table of the classes (DOMAIN §6), replaced as a whole, under one version. */
@Injectable()
export class LegalDeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async table(db: EntityManager = this.dataSource.manager): Promise<LegalDeadlineTable> {
    const rows = await db.getRepository(LegalDeadlineRuleEntity).find({ order: { classCode: 'ASC' } });
    const [{ version }] = await db.query<{ version: number }[]>(`SELECT version FROM legal_deadline_table`);
    return { items: rows.map(toRule), version };
  }

  async replace(actor: Actor, dto: ReplaceLegalDeadlinesDto): Promise<LegalDeadlineTable> {
    return this.dataSource.transaction(async (tx) => {
      const classes = await tx.query<{ code: string }[]>(`SELECT code FROM classes`);
      const problems = legalDeadlineProblems(dto.items, new Set(classes.map((c) => c.code)));
      if (problems.length) throw new ValidationFailed(problems);
      // Serialises concurrent replacements; the table is small.
      await tx.query(`LOCK TABLE legal_deadline_rules IN EXCLUSIVE MODE`);
      const before = await this.table(tx);
      if (dto.version !== undefined && dto.version !== before.version) {
        throw staleVersion('A tabela de prazos legais foi alterada');
      }
      await tx.query(`DELETE FROM legal_deadline_rules`);
      await tx.getRepository(LegalDeadlineRuleEntity).insert(
        dto.items.map((r) => ({
          classCode: r.classCode,
          durationAmount: r.duration.amount,
          durationUnit: r.duration.unit,
          extensionAmount: r.extension?.amount ?? null,
          extensionUnit: r.extension?.unit ?? null,
          maxExtensions: r.maxExtensions ?? null,
          legalBasis: r.legalBasis.trim(),
        })),
      );
      await tx.query(`UPDATE legal_deadline_table SET version = version + 1`);
      const after = await this.table(tx);
      await this.audit.record(tx, actor, {
        action: 'legal_deadlines.replaced',
        entityType: 'legal_deadlines',
        entityId: 'table',
        before,
        after,
      });
      return after;
    });
  }
}

export function toRule(r: LegalDeadlineRuleEntity): LegalDeadlineRule {
  return {
    classCode: r.classCode,
    duration: { amount: r.durationAmount, unit: r.durationUnit },
    extension: r.extensionAmount && r.extensionUnit ? { amount: r.extensionAmount, unit: r.extensionUnit } : null,
    maxExtensions: r.maxExtensions,
    legalBasis: r.legalBasis,
  };
}
