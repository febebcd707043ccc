/** Anything that runs SQL with positional parameters (a TypeORM DataSource, a pg Client). */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface DueDeadlinesOffice {
  unitId: string;
  memberId: string;
}

/**
 * An office with `processes` processes concluso to one member, each with `perProcess`
 * waiting deadlines all due at `dueAt` — the worst case of a sweep, written in SQL in a
 * few statements (tens of thousands of rows in seconds).
 */
export async function seedDueDeadlines(
  db: Sql,
  opts: { processes: number; perProcess: number; dueAt: Date; code?: string },
): Promise<DueDeadlinesOffice> {
  const code = opts.code ?? `Z${Math.floor(Math.random() * 90 + 10)}`;
  const [unit] = (await db.query(
    `INSERT INTO units (code, name, kind, city, uf, version) VALUES ($1, 'Promotoria de carga', 'PROSECUTION_OFFICE', 'Maceió', 'AL', 1)
     RETURNING id`,
    [code],
  )) as { id: string }[];
  const [member] = (await db.query(
    `INSERT INTO users (username, full_name, email, version) VALUES ($1, 'Membro de carga', $2, 1) RETURNING id`,
    [`membro.${code.toLowerCase()}`, `membro.${code.toLowerCase()}@mp.example`],
  )) as { id: string }[];
  await db.query(`INSERT INTO assignments (user_id, unit_id, profile, secretaria) VALUES ($1, $2, 'MEMBER', false)`, [
    member.id,
    unit.id,
  ]);
  await db.query(
    `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
       registered_by, responsible_member_id, location, holder_id, located_at, access_key, version)
     SELECT $1 || '.2026.' || lpad(i::text, 6, '0'), 'NF', '10011', 'Carga ' || i, $2, $2, now(), $3, $3,
            'CONCLUSO', $3, now(), 'K', 1
       FROM generate_series(1, $4::int) i`,
    [code, unit.id, member.id, opts.processes],
  );
  await db.query(
    `INSERT INTO deadlines (process_id, kind, description, wait, starts_at, due_at, created_by, created_at)
     SELECT p.id, 'INTERNAL', 'Resposta ao ofício ' || k, true, $3::timestamptz - interval '10 days', $3, $2,
            $3::timestamptz - interval '10 days'
       FROM processes p CROSS JOIN generate_series(1, $4::int) k WHERE p.unit_id = $1`,
    [unit.id, member.id, opts.dueAt, opts.perProcess],
  );
  await db.query(`ANALYZE deadlines`);
  return { unitId: unit.id, memberId: member.id };
}
