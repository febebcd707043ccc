/**
 * The tallies of where processes are (docs/decisions/0007-box-counts-from-tallies.md): one
 * row per key, the number of processes and the sum of their running deadlines.
 */
export const TALLY_KEY = ['unit_id', 'location', 'holder_id', 'responsible_member_id', 'secrecy_level'] as const;

const KEY = TALLY_KEY.join(', ');

/** Adds each key's net change from `rows` (a process table, each row counted `sign` times). */
function netChangeSql(rows: { table: string; sign: 1 | -1 }[]): string {
  const signed = rows
    .map(({ table, sign }) => `SELECT ${KEY}, ${sign} AS n, ${sign} * open_deadlines AS d FROM ${table}`)
    .join(' UNION ALL ');
  // Grouped and applied in key order: one lock order for every writer, and a statement
  // that moved nothing (an event's event_count bump) nets to no row at all.
  return `INSERT INTO box_tallies AS t (${KEY}, processes, open_deadlines)
    SELECT ${KEY}, sum(n), sum(d) FROM (${signed}) c
     GROUP BY ${KEY} HAVING sum(n) <> 0 OR sum(d) <> 0 ORDER BY ${KEY}
    ON CONFLICT (${KEY}) DO UPDATE
      SET processes = t.processes + EXCLUDED.processes, open_deadlines = t.open_deadlines + EXCLUDED.open_deadlines`;
}

/** The trigger function: the transition tables each kind of statement has. */
export const APPLY_BOX_TALLIES_FUNCTION = `
  CREATE FUNCTION "box_tallies_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${netChangeSql([{ table: 'new_rows', sign: 1 }])};
    ELSIF TG_OP = 'DELETE' THEN
      ${netChangeSql([{ table: 'old_rows', sign: -1 }])};
    ELSE
      ${netChangeSql([
        { table: 'new_rows', sign: 1 },
        { table: 'old_rows', sign: -1 },
      ])};
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Recounts every tally from the processes: for data written with triggers off (the
 * benchmark generator's COPY, a restore that skips triggers) and by the migration.
 */
export const REBUILD_BOX_TALLIES_SQL = `
  DELETE FROM box_tallies;
  INSERT INTO box_tallies (${KEY}, processes, open_deadlines)
  SELECT ${KEY}, count(*), sum(open_deadlines) FROM processes GROUP BY ${KEY}`;
