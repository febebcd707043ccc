import type { Clock } from '@acervo/domain';
import { type EmailTokenPurpose, EmailTokenEntity, updateReturning } from '@acervo/persistence';
import type { AppConfig } from '@acervo/runtime';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import { InjectClock, InjectConfig } from '../../common/app-config';
import { newToken, tokenHash } from './hashing';

/** The page of the SPA each link opens; it POSTs the token found after '#'. */
const PAGES: Readonly<Record<EmailTokenPurpose, string>> = {
  TOTP_ACTIVATION: '/2fa/ativar',
  TOTP_DISABLE: '/2fa/desativar',
  PASSWORD_RESET: '/senha/redefinir',
};

export const INVALID_LINK = 'Link inválido, expirado ou já utilizado.';

export interface IssuedLink {
  url: string;
  minutes: number;
}

/**
 * Single-use, expiring links sent by e-mail. Only the token's hash is stored, a newer
 * link voids the older ones of the same purpose, and using one is a conditional UPDATE,
 * so two parallel clicks cannot both succeed.
 */
@Injectable()
export class EmailLinkService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async issue(
    userId: string,
    purpose: EmailTokenPurpose,
    email: string,
    minutes = this.config.auth.linkTtlMinutes,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<IssuedLink> {
    const token = newToken();
    const now = this.clock.now();
    const links = tx.getRepository(EmailTokenEntity);
    await links.update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
    await links.insert({
      userId,
      purpose,
      email,
      tokenHash: tokenHash(token),
      expiresAt: new Date(now.getTime() + minutes * 60_000),
    });
    return { url: `${this.config.appUrl}${PAGES[purpose]}#token=${token}`, minutes };
  }

  /** The link's user and address while it is usable, without spending it. */
  find(token: string, purpose: EmailTokenPurpose): Promise<EmailTokenEntity | null> {
    return this.dataSource.getRepository(EmailTokenEntity).findOneBy({
      tokenHash: tokenHash(token),
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(this.clock.now()),
    });
  }

  /** Spends the link; undefined when it is unknown, used, expired or of another purpose. */
  async consume(
    tx: EntityManager,
    token: string,
    purpose: EmailTokenPurpose,
  ): Promise<{ userId: string; email: string } | undefined> {
    const [link] = await updateReturning<{ user_id: string; email: string }>(
      tx,
      `UPDATE email_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id, email`,
      [tokenHash(token), purpose, this.clock.now()],
    );
    return link && { userId: link.user_id, email: link.email };
  }
}
