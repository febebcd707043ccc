import { type AssignmentDraft, type AssignmentFacts, MEMBER_PROFILES } from '@acervo/domain';
import type { EntityManager } from 'typeorm';
import type { AssignmentInput } from './dto/user.dto';

export function toDrafts(inputs: readonly AssignmentInput[]): AssignmentDraft[] {
  return inputs.map((a) => ({
    unitId: a.unitId ?? null,
    profile: a.profile,
    secretaria: a.secretaria ?? false,
    linkedMemberId: a.linkedMemberId ?? null,
  }));
}

/**
 * Reads from the database what the assignment rules need to know about the drafts:
 * which units exist, and which of the named users are members of which units.
 */
export async function loadAssignmentFacts(
  tx: EntityManager,
  drafts: readonly AssignmentDraft[],
): Promise<AssignmentFacts> {
  const unitIds = [...new Set(drafts.map((d) => d.unitId).filter((id): id is string => !!id))];
  const linked = [...new Set(drafts.map((d) => d.linkedMemberId).filter((id): id is string => !!id))];
  const units = await tx.query<{ id: string }[]>(`SELECT id FROM units WHERE id = ANY($1::uuid[])`, [unitIds]);
  const members = await tx.query<{ user_id: string; unit_id: string }[]>(
    `SELECT a.user_id, a.unit_id FROM assignments a JOIN users u ON u.id = a.user_id
      WHERE a.user_id = ANY($1::uuid[]) AND a.profile = ANY($2::text[]) AND u.active`,
    [linked, MEMBER_PROFILES],
  );
  const existing = new Set(units.map((u) => u.id));
  const memberships = new Set(members.map((m) => `${m.user_id}/${m.unit_id}`));
  return {
    unitExists: (id) => existing.has(id),
    isMemberOf: (userId, unitId) => memberships.has(`${userId}/${unitId}`),
  };
}
