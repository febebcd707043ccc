import { AuditRecordEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/**
 * Writes the audit record of a mutation inside the mutation's own transaction, so a
 * change and its record are committed together or not at all.
 */
@Injectable()
export class AuditTrail {
  async record(tx: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<void> {
    const record = new AuditRecordEntity();
    Object.assign(record, {
      actorId: actor?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    });
    await tx.getRepository(AuditRecordEntity).save(record);
  }
}

/** A JSON copy without secrets: hashes and encrypted columns never enter the trail. */
function snapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  for (const key of Object.keys(copy)) if (/hash|secret|Enc$/i.test(key)) delete copy[key];
  return copy;
}
