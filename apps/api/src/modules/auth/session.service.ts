import type { AppConfig } from '@acervo/runtime';
import type { Clock } from '@acervo/domain';
import { RefreshTokenEntity, SessionEntity, updateReturning } from '@acervo/persistence';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { InjectClock, InjectConfig } from '../../common/app-config';
import type { ClientInfo } from '../../common/auth/actor';
import { newToken, tokenHash } from './hashing';
import { SecurityLog } from './security-log.service';
import { TokenService } from './token.service';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

const DAY_MS = 86_400_000;

/** Sessions are refresh-token families: each refresh token works once, and a reused one ends the family. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly securityLog: SecurityLog,
    @InjectConfig() private readonly config: AppConfig,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async open(userId: string, client: ClientInfo, tx: EntityManager): Promise<SessionTokens> {
    const expiresAt = new Date(this.clock.now().getTime() + this.config.auth.sessionTtlDays * DAY_MS);
    const session = await tx
      .getRepository(SessionEntity)
      .save({ userId, ip: client.ip, userAgent: client.userAgent, expiresAt, revokedAt: null });
    const refreshToken = newToken();
    await tx.getRepository(RefreshTokenEntity).insert({ sessionId: session.id, tokenHash: tokenHash(refreshToken) });
    return { accessToken: await this.tokens.access(userId, session.id), refreshToken };
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<SessionTokens> {
    const hash = tokenHash(refreshToken);
    const outcome = await this.dataSource.transaction(async (tx) => {
      const claimed = await updateReturning<{ session_id: string }>(
        tx,
        `UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING session_id`,
        [hash],
      );
      const sessions = tx.getRepository(SessionEntity);
      if (!claimed.length) {
        const reused = await tx.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hash });
        if (!reused) return { refused: true as const };
        // A used token came back: someone holds a copy. End the whole family.
        const session = await sessions.findOneByOrFail({ id: reused.sessionId });
        await sessions.update({ id: session.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
        await this.securityLog.record('REFRESH_REUSED', session.userId, client, { sessionId: session.id }, tx);
        return { refused: true as const };
      }
      const session = await sessions.findOneByOrFail({ id: claimed[0].session_id });
      const open = !session.revokedAt && session.expiresAt > this.clock.now();
      const active = open && (await tx.query(`SELECT 1 FROM users WHERE id = $1 AND active`, [session.userId])).length;
      if (!active) return { refused: true as const };
      const next = newToken();
      await tx.getRepository(RefreshTokenEntity).insert({ sessionId: session.id, tokenHash: tokenHash(next) });
      return { refused: false as const, userId: session.userId, sessionId: session.id, refreshToken: next };
    });
    if (outcome.refused) throw new UnauthorizedException('Sessão inválida ou expirada. Entre novamente.');
    return {
      accessToken: await this.tokens.access(outcome.userId, outcome.sessionId),
      refreshToken: outcome.refreshToken,
    };
  }

  async close(userId: string, sessionId: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx
        .getRepository(SessionEntity)
        .update({ id: sessionId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      await this.securityLog.record('LOGOUT', userId, client, { sessionId }, tx);
    });
  }

  /** Ends every session of the user (password change, 2FA disabled). */
  async closeAll(userId: string, tx: EntityManager): Promise<void> {
    await tx.getRepository(SessionEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
