/** Consecutive failures (passwords and codes alike) an account tolerates before a lock. */
export const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 60;

/**
 * How long an account stays locked after its n-th consecutive failure: nothing for the
 * first five, then 1, 2, 4, … minutes, at most an hour — slow for a guesser, short for
 * a person who mistyped.
 */
export function lockMinutesAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_MINUTES);
}

/** Failed logins one client address may make in a window; an office NAT has hundreds of users. */
export const IP_FAILURE_LIMIT = 200;
export const IP_WINDOW_MINUTES = 15;
