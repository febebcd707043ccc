/**
 * What the global setup tells every test worker, through environment variables the
 * workers inherit (jest starts them after the global setup).
 */
export const HARNESS_ENV = {
  /** URL of the server's maintenance database, to create and drop per-file databases. */
  adminUrl: 'ACERVO_TEST_PG_ADMIN_URL',
  /** The migrated database every test file's database is cloned from. */
  templateDatabase: 'ACERVO_TEST_PG_TEMPLATE',
  redisUrl: 'ACERVO_TEST_REDIS_URL',
} as const;

export function harnessValue(name: keyof typeof HARNESS_ENV): string {
  const value = process.env[HARNESS_ENV[name]];
  if (!value) {
    throw new Error(
      `${HARNESS_ENV[name]} is unset: run tests through jest (pnpm test), whose global setup starts the services`,
    );
  }
  return value;
}
