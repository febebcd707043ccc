/** The protocol number given to the citizen: `{unitCode}.{year}.A{sequential}` (six digits). */
export function formatAttendanceProtocol(unitCode: string, year: number, sequential: number): string {
  return `${unitCode}.${year}.A${String(sequential).padStart(6, '0')}`;
}

const PROTOCOL = /^([0-9A-Z]{2,10})\.(\d{4})\.A(\d{1,9})$/;

/** The canonical protocol of what a citizen typed (any case, spaces around), or null. */
export function canonicalAttendanceProtocol(text: string): string | null {
  const match = PROTOCOL.exec(text.trim().toUpperCase());
  if (!match) return null;
  return formatAttendanceProtocol(match[1], Number(match[2]), Number(match[3]));
}
