/** The kinds of JWT the API signs; each is accepted only where its kind is expected. */
export const ACCESS_TOKEN = 'access';
export const TOTP_CHALLENGE_TOKEN = 'totp_challenge';
export const ENROLLMENT_TOKEN = 'enrollment';

export type TokenType = typeof ACCESS_TOKEN | typeof TOTP_CHALLENGE_TOKEN | typeof ENROLLMENT_TOKEN;

export interface TokenClaims {
  typ: TokenType;
  sub: string;
  /** Session id (access tokens). */
  sid?: string;
  /** Password change time (ms) when a challenge or enrollment token was issued. */
  pwd?: number;
  iat?: number;
  exp?: number;
}
