import type { EntityManager } from 'typeorm';

/** Counters numbered per unit and year: processes, and the protocols of attendances. */
export type YearlySequence = 'process_number_sequences' | 'attendance_number_sequences';

/**
 * The next number of a unit in a year. The counter's row lock serialises a unit's
 * numbering until the transaction ends, and a rollback gives the number back: no gaps, no
 * duplicates.
 */
export async function nextYearlyNumber(
  tx: EntityManager,
  sequence: YearlySequence,
  unitCode: string,
  year: number,
): Promise<number> {
  const [{ last_value: next }] = await tx.query<{ last_value: number }[]>(
    `INSERT INTO ${sequence} (unit_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (unit_code, year) DO UPDATE SET last_value = ${sequence}.last_value + 1
     RETURNING last_value`,
    [unitCode, year],
  );
  return next;
}
