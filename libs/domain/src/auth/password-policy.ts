/** Why a password was refused, in words the user reads (pt-BR). */
export type PasswordProblem = 'too_short' | 'contains_username' | 'too_long';

export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes anything, but a megabyte "password" is a denial-of-service attempt.
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_PROBLEM_MESSAGES: Readonly<Record<PasswordProblem, string>> = {
  too_short: `A senha deve ter pelo menos ${PASSWORD_MIN_LENGTH} caracteres (uma frase também serve).`,
  too_long: `A senha deve ter no máximo ${PASSWORD_MAX_LENGTH} caracteres.`,
  contains_username: 'A senha não pode conter o nome de usuário.',
};

/**
 * The password policy (issue "auth" §6): length ≥ 12 — a passphrase qualifies — and never
 * the username inside it. Returns every problem found; empty means accepted.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}
