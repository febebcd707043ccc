import type { EntityManager } from 'typeorm';

export interface NewEvent {
  code: string;
  actorId: string | null;
  unitId: string;
  details?: Record<string, unknown>;
  documentIds?: string[];
}

/**
 * Appends the next numbered event of a process, inside the transaction of the change it
 * records. The counter lives on the process row the caller has already locked.
 */
export async function appendEvent(tx: EntityManager, processId: string, at: Date, event: NewEvent): Promise<number> {
  const [{ event_count: sequence }] = await tx.query<{ event_count: number }[]>(
    `WITH bumped AS (UPDATE processes SET event_count = event_count + 1 WHERE id = $1 RETURNING event_count)
     SELECT event_count FROM bumped`,
    [processId],
  );
  await tx.query(
    `INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details, document_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [processId, sequence, event.code, event.actorId, event.unitId, at, event.details ?? {}, event.documentIds ?? []],
  );
  return sequence;
}

/** Closes the open custody of a process and opens the next one (who or which Secretaria has it). */
export async function moveCustody(
  tx: EntityManager,
  processId: string,
  at: Date,
  next: { unitId: string; holderId: string | null } | null,
): Promise<void> {
  await tx.query(`UPDATE process_custody SET to_at = $2 WHERE process_id = $1 AND to_at IS NULL`, [processId, at]);
  if (next) {
    await tx.query(`INSERT INTO process_custody (process_id, unit_id, holder_id, from_at) VALUES ($1, $2, $3, $4)`, [
      processId,
      next.unitId,
      next.holderId,
      at,
    ]);
  }
}
