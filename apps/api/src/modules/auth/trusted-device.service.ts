import type { Clock } from '@acervo/domain';
import { TrustedDeviceEntity, updateReturning } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { ClientInfo } from '../../common/auth/actor';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { newToken, tokenHash } from './hashing';

export const TRUSTED_DEVICE_COOKIE = 'acervo_td';
const DAY_MS = 86_400_000;

export interface ReleasedDevice {
  token: string;
  expiresAt: Date;
  days: number;
}

/** Browsers released from the code step: a random cookie, stored hashed, bound to its user. */
@Injectable()
export class TrustedDeviceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Releases the browser for the validity the institution sets (read at each release, so
   * a change applies on every replica at once).
   */
  async release(userId: string, client: ClientInfo, tx: EntityManager): Promise<ReleasedDevice> {
    const token = newToken();
    const now = this.clock.now();
    const days = (await this.settings.current(tx)).trustedDeviceDays;
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    await tx.getRepository(TrustedDeviceEntity).insert({
      userId,
      tokenHash: tokenHash(token),
      userAgent: client.userAgent,
      ip: client.ip,
      lastUsedAt: now,
      expiresAt,
    });
    return { token, expiresAt, days };
  }

  /** True when the cookie releases this user's login (another user's, expired or revoked: ignored). */
  async recognise(token: string | undefined, userId: string): Promise<boolean> {
    if (!token) return false;
    const now = this.clock.now();
    const used = await updateReturning(
      this.dataSource,
      `UPDATE trusted_devices SET last_used_at = $3
        WHERE token_hash = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3 RETURNING id`,
      [tokenHash(token), userId, now],
    );
    return used.length === 1;
  }

  list(userId: string): Promise<TrustedDeviceEntity[]> {
    return this.dataSource.getRepository(TrustedDeviceEntity).find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { lastUsedAt: 'DESC' },
    });
  }

  async revokeAll(userId: string, tx: EntityManager): Promise<number> {
    const result = await tx
      .getRepository(TrustedDeviceEntity)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
