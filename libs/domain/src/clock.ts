/** The one source of "now" (DOMAIN §6 deadlines); tests and CLOCK_OFFSET_MS shift it. */
export interface Clock {
  now(): Date;
  /**
   * The machine's own time, only while the application's is shifted (CLOCK_OFFSET_MS,
   * never in production): what a person's authenticator app shows, so a test that moved
   * the clock can still sign in with a code of the real minute.
   */
  wallNow?(): Date | undefined;
}
