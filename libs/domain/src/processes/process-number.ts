/** Digits of the sequential part: `058.2026.000123`. */
const SEQUENTIAL_DIGITS = 6;

/** `{unitCode}.{year}.{sequential}` (DOMAIN §3), the sequential zero-padded to six digits. */
export function formatProcessNumber(unitCode: string, year: number, sequential: number): string {
  if (!Number.isInteger(sequential) || sequential < 1) throw new RangeError(`bad sequential ${sequential}`);
  return `${unitCode}.${year}.${String(sequential).padStart(SEQUENTIAL_DIGITS, '0')}`;
}

export interface ProcessNumberParts {
  unitCode: string;
  year: number;
  sequential: number;
}

const PATTERN = /^([0-9A-Z]{2,10})\.(\d{4})\.(\d{1,9})$/;

/** The parts of a process number, or null when the text is not one. */
export function parseProcessNumber(text: string): ProcessNumberParts | null {
  const m = PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const sequential = Number(m[3]);
  if (sequential < 1) return null;
  return { unitCode: m[1], year: Number(m[2]), sequential };
}

/** The number as registration writes it (`cdc.2026.42` → `CDC.2026.000042`), or null. */
export function canonicalProcessNumber(text: string): string | null {
  const parts = parseProcessNumber(text);
  return parts && formatProcessNumber(parts.unitCode, parts.year, parts.sequential);
}
