/** The one source of "now" (DOMAIN §6 deadlines); tests and CLOCK_OFFSET_MS shift it. */
export interface Clock {
  now(): Date;
}
