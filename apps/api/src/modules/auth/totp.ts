import { randomBytes } from 'node:crypto';
import * as speakeasy from 'speakeasy';

const STEP_SECONDS = 30;
const CODE = /^\d{6}$/;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps read it. */
export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The TOTP port (RFC 6238, 30 s, 6 digits, ±1 step). speakeasy 2.0.0 is unmaintained, so
 * it stays behind this one small class, used the safe way.
 */
export class Totp {
  /** A fresh 160-bit secret, base32. */
  newSecret(): string {
    return base32(randomBytes(20));
  }

  uri(secret: string, username: string): string {
    // encoding 'base32': without it speakeasy base32-encodes the already-encoded secret.
    return speakeasy.otpauthURL({ secret, label: `Acervo:${username}`, issuer: 'Acervo', encoding: 'base32' });
  }

  /** The time step the code belongs to (now ±1), or null. Refuses anything but 6 digits first: speakeasy parseInt()s. */
  matchStep(secret: string, code: string, now: Date): number | null {
    if (!CODE.test(code)) return null;
    const time = Math.floor(now.getTime() / 1000);
    const match = speakeasy.totp.verifyDelta({ secret, encoding: 'base32', token: code, window: 1, time });
    if (!match) return null;
    return Math.floor(time / STEP_SECONDS) + match.delta;
  }

  /** The code of a given instant (for tests and clock diagnostics). */
  codeAt(secret: string, at: Date): string {
    return speakeasy.totp({ secret, encoding: 'base32', time: Math.floor(at.getTime() / 1000) });
  }
}
