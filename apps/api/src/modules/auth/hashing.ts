import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe token for links, refresh tokens and devices (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are high-entropy, so a plain SHA-256 is enough to store them safely. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
