/**
 * CNJ unified process number (Res. CNJ 65/2008): NNNNNNN-DD.AAAA.J.TR.OOOO, where DD is
 * a mod-97 (ISO 7064) check over the other digits.
 */
const CNJ_PATTERN = /^(\d{7})-?(\d{2})\.?(\d{4})\.?(\d)\.?(\d{2})\.?(\d{4})$/;

function mod97(digits: string): number {
  // Chunked so the intermediate never leaves the safe-integer range.
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) {
    rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  }
  return rest;
}

/** The two check digits for the given parts of a CNJ number. */
export function cnjCheckDigits(
  sequential: string,
  year: string,
  segment: string,
  court: string,
  origin: string,
): string {
  const value = 98 - mod97(sequential + year + segment + court + origin + '00');
  return String(value).padStart(2, '0');
}

/** True when the string is a CNJ number (masked or bare) whose check digits match. */
export function isValidCnjNumber(input: string): boolean {
  const m = CNJ_PATTERN.exec(input.trim());
  if (!m) return false;
  const [, sequential, check, year, segment, court, origin] = m;
  return cnjCheckDigits(sequential, year, segment, court, origin) === check;
}

/** Formats a valid CNJ number with its canonical mask. */
export function formatCnjNumber(input: string): string {
  const m = CNJ_PATTERN.exec(input.trim());
  if (!m) throw new Error('not a CNJ number');
  const [, sequential, check, year, segment, court, origin] = m;
  return `${sequential}-${check}.${year}.${segment}.${court}.${origin}`;
}
