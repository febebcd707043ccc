import type { FieldError } from '../errors';
import { type DrawCandidate, drawMember, type DrawResult, preventionResult } from './lottery';

/** A member of a distribution group as a draw sees it. */
export interface GroupMember {
  memberId: string;
  weight: number;
  received: number;
  /** Active user whose designation covers the draw day (DOMAIN §5: members away are skipped). */
  inExercise: boolean;
}

/** One process of a batch: who is impeded on it, and the member prevento if prevention is marked. */
export interface BatchItem {
  processId: string;
  impeded: readonly string[];
  prevento?: string;
}

export interface BatchDraw extends DrawResult {
  prevention: boolean;
  /** Group members left out of this draw, and why. */
  excluded: { memberId: string; reason: 'AWAY' | 'IMPEDED' }[];
}

/** Whether a designation (inclusive days, either end open) covers a day `YYYY-MM-DD`. */
export function designationCovers(startsOn: string | null, endsOn: string | null, day: string): boolean {
  return (!startsOn || startsOn <= day) && (!endsOn || day <= endsOn);
}

function candidatesFor(members: readonly GroupMember[], item: BatchItem) {
  const impeded = new Set(item.impeded);
  const excluded: BatchDraw['excluded'] = [];
  const candidates: DrawCandidate[] = [];
  for (const m of members) {
    if (!m.inExercise) excluded.push({ memberId: m.memberId, reason: 'AWAY' });
    else if (impeded.has(m.memberId)) excluded.push({ memberId: m.memberId, reason: 'IMPEDED' });
    else candidates.push({ memberId: m.memberId, weight: m.weight, received: m.received });
  }
  return { candidates, excluded };
}

/** Everything that keeps a batch from being drawn, per item (`field` names the list). */
export function batchProblems(
  members: readonly GroupMember[],
  items: readonly BatchItem[],
  field: string,
): FieldError[] {
  return items.flatMap((item, i) => {
    const { candidates } = candidatesFor(members, item);
    if (item.prevento !== undefined) {
      return candidates.some((c) => c.memberId === item.prevento)
        ? []
        : [{ field: `${field}.${i}`, message: 'o membro prevento não está em exercício no grupo ou está impedido' }];
    }
    return candidates.length ? [] : [{ field: `${field}.${i}`, message: 'nenhum membro em exercício e desimpedido' }];
  });
}

/**
 * Draws a batch in order: each result counts before the next draw (compensation), so a
 * batch of any size keeps the group balanced. `members` is not changed; the counts after
 * the batch are returned.
 */
export function drawBatch(
  seed: Buffer,
  members: readonly GroupMember[],
  items: readonly BatchItem[],
): { draws: BatchDraw[]; received: Map<string, number> } {
  const state = members.map((m) => ({ ...m }));
  const byId = new Map(state.map((m) => [m.memberId, m]));
  const draws = items.map((item) => {
    const { candidates, excluded } = candidatesFor(state, item);
    const prevention = item.prevento !== undefined;
    const result = prevention
      ? preventionResult(item.processId, candidates, item.prevento!)
      : drawMember(seed, item.processId, candidates);
    byId.get(result.memberId)!.received += 1;
    return { ...result, prevention, excluded };
  });
  return { draws, received: new Map(state.map((m) => [m.memberId, m.received])) };
}
