import type { DataSource, EntityManager } from 'typeorm';

/** The institution's time zone, read on every use: an administrator's change reaches running workers. */
export async function institutionTimeZone(db: DataSource | EntityManager): Promise<string> {
  const [{ time_zone }] = await db.query<{ time_zone: string }[]>(
    `SELECT time_zone FROM institution_settings WHERE id = 1`,
  );
  return time_zone;
}
