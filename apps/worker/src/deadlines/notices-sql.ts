/**
 * The notices a sweep writes for the deadlines it claimed (a CTE over claimed rows `c`
 * carrying the deadline's id, process, due time and author, and the process's holder and
 * responsible member). Who is told (DOMAIN §6): the holder and the responsible member;
 * for a process in Secretaria with no member yet, whoever set the deadline. A notice
 * exists once per person, deadline, kind and due time: a retried batch adds nothing.
 */
export function noticesSql(kind: 'DUE_SOON' | 'EXPIRED', at: string): string {
  return `INSERT INTO notifications (user_id, kind, deadline_id, process_id, due_at, created_at)
  SELECT DISTINCT r.user_id, '${kind}', c.id, c.process_id, c.due_at, ${at}::timestamptz
    FROM claimed c CROSS JOIN LATERAL (VALUES (c.holder_id), (c.responsible_member_id),
      (CASE WHEN c.holder_id IS NULL AND c.responsible_member_id IS NULL THEN c.created_by END)) r(user_id)
   WHERE r.user_id IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING 1`;
}
