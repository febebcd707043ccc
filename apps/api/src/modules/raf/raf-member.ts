import {
  type Clock,
  Forbidden,
  localDate,
  MEMBER_PROFILES,
  rafMonthBounds,
  rafMonthProblems,
  ValidationFailed,
} from '@acervo/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { readInstitutionSettings } from '../catalogues/institution-settings.service';

/** The RAF is a member's, for itself (DOMAIN §8): anyone else is refused. */
export function assertMember(actor: Actor): void {
  if (!actor.assignments.some((a) => MEMBER_PROFILES.includes(a.profile))) {
    throw new Forbidden('O RAF é do membro, para si mesmo.');
  }
}

/** The member's competência as instants, checked against the institution's today. */
export async function rafMonth(db: EntityManager, clock: Clock, actor: Actor, month: string) {
  assertMember(actor);
  const { timeZone } = await readInstitutionSettings(db);
  const problems = rafMonthProblems(month, localDate(clock.now(), timeZone));
  if (problems.length) throw new ValidationFailed(problems);
  return { id: actor.userId, ...rafMonthBounds(month, timeZone), timeZone };
}

/** Earlier exports of the member's month, oldest first. */
export async function earlierExports(db: EntityManager, memberId: string, month: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM raf_exports WHERE member_id = $1 AND month = $2 ORDER BY generated_at, id`,
    [memberId, month],
  );
  return rows.map((r) => r.id);
}
