import { Conflict, NotFound, ValidationFailed } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../common/audit/audit-trail';
import type { Actor } from '../../common/auth/actor';
import { translateConstraint } from '../../common/database-errors';
import { staleVersion } from '../../common/stale-version';

/** One coded catalogue: its table, its extra columns (DTO field → column), its name for people. */
export interface CodedCatalogue {
  table: 'classes' | 'subjects' | 'movement_types' | 'document_types';
  entityType: string;
  label: string;
  extra: Readonly<Record<string, string>>;
  /** Extra fields that must name an existing entry of the same table. */
  references?: Readonly<Record<string, true>>;
}

type Row = Record<string, unknown> & { code: string; version: number };

/**
 * Classes, subjects, the movement taxonomy and document types behave alike: created
 * with a code that never changes, renamed, deactivated. One service serves them all.
 */
@Injectable()
export class CodedCatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(c: CodedCatalogue, activeOnly?: boolean): Promise<{ items: Row[]; nextCursor: null }> {
    const items = await this.dataSource.query<Row[]>(
      `SELECT ${columns(c)} FROM ${c.table} ${activeOnly === undefined ? '' : 'WHERE active = $1'} ORDER BY code`,
      activeOnly === undefined ? [] : [activeOnly],
    );
    return { items, nextCursor: null };
  }

  async create(actor: Actor, c: CodedCatalogue, dto: Record<string, unknown>): Promise<Row> {
    const fields = Object.keys(c.extra).filter((k) => dto[k] !== undefined);
    const names = ['code', 'name', ...fields.map((k) => c.extra[k]), 'version'];
    const values = [dto.code, (dto.name as string).trim(), ...fields.map((k) => dto[k]), 1];
    try {
      return await this.dataSource.transaction(async (tx) => {
        await this.checkReferences(tx, c, dto);
        const [row] = await tx.query<Row[]>(
          `INSERT INTO ${c.table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
           RETURNING ${columns(c)}`,
          values,
        );
        await this.audit.record(tx, actor, {
          action: `${c.entityType}.created`,
          entityType: c.entityType,
          entityId: row.code,
          after: row,
        });
        return row;
      });
    } catch (e) {
      throw translateConstraint(e, {
        [`PK_${c.table}`]: () =>
          new Conflict(`${c.label}: código já existe.`, [{ field: 'code', message: 'código já usado' }]),
      });
    }
  }

  async update(actor: Actor, c: CodedCatalogue, code: string, dto: Record<string, unknown>): Promise<Row> {
    return this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query<Row[]>(`SELECT ${columns(c)} FROM ${c.table} WHERE code = $1 FOR UPDATE`, [code]);
      if (!before) throw new NotFound(`${c.label} não encontrado(a).`);
      if (before.version !== dto.version) {
        throw staleVersion();
      }
      if (dto.parentCode === code)
        throw new ValidationFailed([{ field: 'parentCode', message: 'não pode ser o próprio código' }]);
      await this.checkReferences(tx, c, dto);
      const changes: [string, unknown][] = [
        ...(['name', 'active'] as const)
          .filter((k) => dto[k] !== undefined)
          .map((k): [string, unknown] => [k, k === 'name' ? (dto.name as string).trim() : dto[k]]),
        ...Object.entries(c.extra)
          .filter(([k]) => dto[k] !== undefined)
          .map(([k, column]): [string, unknown] => [column, dto[k]]),
      ];
      const sets = [
        ...changes.map(([column], i) => `${column} = $${i + 2}`),
        'version = version + 1',
        'updated_at = now()',
      ];
      const [after] = await tx.query<Row[]>(
        `WITH changed AS (UPDATE ${c.table} SET ${sets.join(', ')} WHERE code = $1 RETURNING *) SELECT ${columns(c)} FROM changed`,
        [code, ...changes.map(([, v]) => v)],
      );
      await this.audit.record(tx, actor, {
        action: `${c.entityType}.updated`,
        entityType: c.entityType,
        entityId: code,
        before,
        after,
      });
      return after;
    });
  }

  private async checkReferences(tx: EntityManager, c: CodedCatalogue, dto: Record<string, unknown>): Promise<void> {
    for (const field of Object.keys(c.references ?? {})) {
      const value = dto[field];
      if (value === undefined || value === null) continue;
      if (!(await tx.query(`SELECT 1 FROM ${c.table} WHERE code = $1`, [value])).length) {
        throw new ValidationFailed([{ field, message: 'código não encontrado' }]);
      }
    }
  }
}

/** SELECT list in the API's field names. */
function columns(c: CodedCatalogue): string {
  const extra = Object.entries(c.extra).map(([field, column]) => `${column} AS "${field}"`);
  return ['code', 'name', 'active', 'version', ...extra].join(', ');
}
