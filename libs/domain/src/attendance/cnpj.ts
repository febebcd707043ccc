/** Strips punctuation from a CNPJ ("12.ABC.345/01DE-35" → "12ABC34501DE35"), in capitals. */
export function normalizeCnpj(input: string): string {
  return input.replace(/[.\-/\s]/g, '').toUpperCase();
}

/**
 * A check digit of the CNPJ. Each character counts as its code minus 48 — digits their
 * value, letters A=17 … Z=42 — which is the rule of the alphanumeric CNPJ issued since
 * July 2026 and gives the old all-digit numbers exactly their old check digits.
 */
function checkDigit(chars: string): number {
  const weights = chars.length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = [...chars].reduce((acc, c, i) => acc + (c.charCodeAt(0) - 48) * weights[i], 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** True when the CNPJ (numeric or alphanumeric, with or without punctuation) has valid check digits. */
export function isValidCnpj(input: string): boolean {
  const cnpj = normalizeCnpj(input);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj)) return false;
  // Repeated characters pass the arithmetic but are not issued.
  if (/^(.)\1{13}$/.test(cnpj)) return false;
  const first = checkDigit(cnpj.slice(0, 12));
  return first === Number(cnpj[12]) && checkDigit(cnpj.slice(0, 13)) === Number(cnpj[13]);
}
