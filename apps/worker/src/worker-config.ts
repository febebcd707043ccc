/** Injection token of the worker's clock. */
export const CLOCK = Symbol('CLOCK');
