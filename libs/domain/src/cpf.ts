/** Strips punctuation from a CPF ("123.456.789-09" → "12345678909"). */
export function normalizeCpf(input: string): string {
  return input.replace(/[.\-\s]/g, '');
}

/**
 * Whether a sign-in name would be read as a CPF — digits, with or without its punctuation.
 * Sign-in takes either, so a username like that could name two people (itself and whoever
 * has that CPF): usernames may not be one.
 */
export function readsAsCpf(input: string): boolean {
  return /^\d+$/.test(normalizeCpf(input.trim()));
}

function checkDigit(digits: number[], firstWeight: number): number {
  const sum = digits.reduce((acc, d, i) => acc + d * (firstWeight - i), 0);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

/** True when the CPF (with or without punctuation) has 11 digits and valid check digits. */
export function isValidCpf(input: string): boolean {
  const cpf = normalizeCpf(input);
  if (!/^\d{11}$/.test(cpf)) return false;
  // Repeated digits pass the arithmetic but are not issued.
  if (/^(\d)\1{10}$/.test(cpf)) return false;
  const digits = [...cpf].map(Number);
  return checkDigit(digits.slice(0, 9), 10) === digits[9] && checkDigit(digits.slice(0, 10), 11) === digits[10];
}
