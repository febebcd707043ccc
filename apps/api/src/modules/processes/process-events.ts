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
 * records (see `appendEvents`); returns its number.
 */
export async function appendEvent(tx: EntityManager, processId: string, at: Date, event: NewEvent): Promise<number> {
  const [sequence] = await appendEvents(tx, at, [{ ...event, processId }]);
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

/**
 * Appends numbered events to processes — one or thousands (a lottery) — in two statements
 * whatever the count. The counter lives on the process row, which every caller has already
 * locked; events of one process are numbered in the order given. Returns their numbers.
 */
export async function appendEvents(
  tx: EntityManager,
  at: Date,
  events: ReadonlyArray<NewEvent & { processId: string }>,
): Promise<number[]> {
  if (!events.length) return [];
  const perProcess = new Map<string, number>();
  for (const e of events) perProcess.set(e.processId, (perProcess.get(e.processId) ?? 0) + 1);
  const bumped = await tx.query<{ id: string; event_count: number }[]>(
    `WITH bumped AS (
       UPDATE processes p SET event_count = p.event_count + b.n
         FROM unnest($1::uuid[], $2::int[]) AS b(id, n) WHERE p.id = b.id
       RETURNING p.id, p.event_count)
     SELECT id, event_count FROM bumped`,
    [[...perProcess.keys()], [...perProcess.values()]],
  );
  const next = new Map(bumped.map((r) => [r.id, r.event_count - perProcess.get(r.id)! + 1]));
  const sequences = events.map((e) => {
    const sequence = next.get(e.processId)!;
    next.set(e.processId, sequence + 1);
    return sequence;
  });
  await tx.query(
    `INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details, document_ids)
     SELECT e.process_id, e.sequence, e.code, e.actor_id, e.unit_id, $7, e.details,
            ARRAY(SELECT jsonb_array_elements_text(e.document_ids)::uuid)
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::uuid[], $6::jsonb[], $8::jsonb[])
            AS e(process_id, sequence, code, actor_id, unit_id, details, document_ids)`,
    [
      events.map((e) => e.processId),
      sequences,
      events.map((e) => e.code),
      events.map((e) => e.actorId),
      events.map((e) => e.unitId),
      events.map((e) => JSON.stringify(e.details ?? {})),
      at,
      events.map((e) => JSON.stringify(e.documentIds ?? [])),
    ],
  );
  return sequences;
}

/** `moveCustody` for many processes at once. */
export async function moveCustodies(
  tx: EntityManager,
  at: Date,
  moves: ReadonlyArray<{ processId: string; unitId: string; holderId: string | null }>,
): Promise<void> {
  if (!moves.length) return;
  await tx.query(`UPDATE process_custody SET to_at = $2 WHERE process_id = ANY($1::uuid[]) AND to_at IS NULL`, [
    moves.map((m) => m.processId),
    at,
  ]);
  await tx.query(
    `INSERT INTO process_custody (process_id, unit_id, holder_id, from_at)
     SELECT m.process_id, m.unit_id, m.holder_id, $4 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS m(process_id, unit_id, holder_id)`,
    [moves.map((m) => m.processId), moves.map((m) => m.unitId), moves.map((m) => m.holderId), at],
  );
}
