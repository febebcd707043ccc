/** A query made only of digits and number punctuation is a process number, not words. */
export function isProcessNumber(query: string): boolean {
  return /^[\d.\-/ ]+$/.test(query.trim()) && /\d/.test(query);
}
