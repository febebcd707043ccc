import type { RuleSubject } from '@acervo/domain';

/** An access_rules row as read: exactly one of user_id and group_id is set. */
export interface RuleRow {
  id: string;
  process_id: string | null;
  document_id: string | null;
  user_id: string | null;
  group_id: string | null;
  effect: 'ALLOW' | 'DENY';
  level: number | null;
  expires_at: Date | null;
}

export function subjectOf(r: Pick<RuleRow, 'user_id' | 'group_id'>): { subjectType: RuleSubject; subjectId: string } {
  return r.user_id ? { subjectType: 'USER', subjectId: r.user_id } : { subjectType: 'GROUP', subjectId: r.group_id! };
}
