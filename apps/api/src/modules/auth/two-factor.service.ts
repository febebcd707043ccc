import { randomInt } from 'node:crypto';
import { type Clock, Conflict } from '@acervo/domain';
import { type AppConfig, Mailer } from '@acervo/runtime';
import { EmailTokenEntity, RecoveryCodeEntity, updateReturning, UserEntity } from '@acervo/persistence';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { DataSource, IsNull } from 'typeorm';
import { InjectClock, InjectConfig } from '../../common/app-config';
import type { ClientInfo } from '../../common/auth/actor';
import { ENROLLMENT_TOKEN, TOTP_CHALLENGE_TOKEN } from '../../common/auth/token-types';
import { authMails } from './auth-mails';
import { newToken, tokenHash } from './hashing';
import { LoginService, type UserWithSecrets } from './login.service';
import { SecretBox } from './secret-box';
import { SecurityLog } from './security-log.service';
import { type SessionTokens, SessionService } from './session.service';
import { TokenService } from './token.service';
import { Totp } from './totp';

export const INVALID_CODE =
  'Código de autenticação inválido. Confira se a data e a hora do celular estão corretas (automáticas).';
const RECOVERY_CODES = 10;

export interface Enrollment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** Mandatory TOTP: enrollment, activation by e-mailed link, and the code step of signing in. */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger(TwoFactorService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly securityLog: SecurityLog,
    private readonly mailer: Mailer,
    private readonly totp: Totp,
    private readonly box: SecretBox,
    @InjectConfig() private readonly config: AppConfig,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** A new secret for the user's authenticator; replaces any earlier, unconfirmed one. */
  async enroll(enrollmentToken: string | undefined, client: ClientInfo): Promise<Enrollment> {
    const user = await this.stepUser(enrollmentToken, ENROLLMENT_TOKEN);
    if (user.totpEnabledAt) throw new Conflict('A autenticação em dois fatores já está ativa.');
    const secret = this.totp.newSecret();
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update(user.id, { totpSecretEnc: this.box.seal(secret), totpLastStep: null });
      await this.securityLog.record('TOTP_ENROLLED', user.id, client, {}, tx);
    });
    const otpauthUrl = this.totp.uri(secret, user.username);
    return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
  }

  /** A current code proves the phone has the secret; the activation link goes to `email`. */
  async confirm(enrollmentToken: string | undefined, code: string, email: string, client: ClientInfo): Promise<void> {
    const user = await this.stepUser(enrollmentToken, ENROLLMENT_TOKEN);
    if (user.totpEnabledAt) throw new Conflict('A autenticação em dois fatores já está ativa.');
    if (!user.totpSecretEnc) throw new Conflict('Gere o código QR antes de confirmar.');
    await this.acceptCode(user, code, client);
    const token = newToken();
    const minutes = this.config.auth.linkTtlMinutes;
    await this.dataSource.transaction(async (tx) => {
      const links = tx.getRepository(EmailTokenEntity);
      // A newer link invalidates the older ones.
      await links.update(
        { userId: user.id, purpose: 'TOTP_ACTIVATION', usedAt: IsNull() },
        { usedAt: this.clock.now() },
      );
      await links.insert({
        userId: user.id,
        purpose: 'TOTP_ACTIVATION',
        tokenHash: tokenHash(token),
        email,
        expiresAt: new Date(this.clock.now().getTime() + minutes * 60_000),
      });
    });
    await this.mailer.send(authMails.totpActivation(email, `${this.config.appUrl}/2fa/ativar#token=${token}`, minutes));
  }

  /** Opening the link activates 2FA and yields the recovery codes, shown this once. */
  async activate(token: string, client: ClientInfo): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, () => recoveryCode());
    const email = await this.dataSource.transaction(async (tx) => {
      const [link] = await updateReturning<{ user_id: string; email: string }>(
        tx,
        `UPDATE email_tokens SET used_at = $2
          WHERE token_hash = $1 AND purpose = 'TOTP_ACTIVATION' AND used_at IS NULL AND expires_at > $2
          RETURNING user_id, email`,
        [tokenHash(token), this.clock.now()],
      );
      if (!link) return undefined;
      const users = tx.getRepository(UserEntity);
      const activated = await users.update(
        { id: link.user_id, totpEnabledAt: IsNull() },
        { totpEnabledAt: this.clock.now(), totpEmail: link.email },
      );
      if (!activated.affected) return undefined;
      await tx.getRepository(RecoveryCodeEntity).delete({ userId: link.user_id });
      await tx
        .getRepository(RecoveryCodeEntity)
        .insert(codes.map((c) => ({ userId: link.user_id, codeHash: tokenHash(normalizeRecovery(c)) })));
      await this.securityLog.record('TOTP_ACTIVATED', link.user_id, client, {}, tx);
      return link.email;
    });
    if (!email) throw new UnauthorizedException('Link inválido, expirado ou já utilizado.');
    await this.mailer.send(authMails.totpActivated(email)).catch((e: unknown) => this.logger.error(e));
    return codes;
  }

  /** The code step of signing in: a TOTP code (never twice) or a recovery code (once each). */
  async verify(
    challengeToken: string,
    proof: { code?: string; recoveryCode?: string },
    client: ClientInfo,
  ): Promise<SessionTokens> {
    const user = await this.stepUser(challengeToken, TOTP_CHALLENGE_TOKEN);
    if (!user.totpEnabledAt || !user.totpSecretEnc) throw new UnauthorizedException(INVALID_CODE);
    if (proof.recoveryCode !== undefined) await this.acceptRecoveryCode(user, proof.recoveryCode, client);
    else await this.acceptCode(user, proof.code ?? '', client);
    await this.login.clearFailures(user.id);
    return this.dataSource.transaction(async (tx) => {
      await this.securityLog.record(
        'LOGIN_SUCCEEDED',
        user.id,
        client,
        { method: proof.recoveryCode ? 'recovery_code' : 'totp' },
        tx,
      );
      return this.sessions.open(user.id, client, tx);
    });
  }

  /** The user of a step token, if the token is of that type and the password has not changed since. */
  private async stepUser(token: string | undefined, type: typeof ENROLLMENT_TOKEN | typeof TOTP_CHALLENGE_TOKEN) {
    const claims = await this.tokens.verify(token, type);
    const user = (await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.totpSecretEnc')
      .where('u.id = :id', { id: claims.sub })
      .getOne()) as UserWithSecrets | null;
    if (!user || !user.active || user.passwordChangedAt.getTime() !== claims.pwd || this.login.isLocked(user)) {
      throw new UnauthorizedException('Token inválido ou expirado. Entre novamente.');
    }
    return user;
  }

  private async acceptCode(user: UserWithSecrets, code: string, client: ClientInfo): Promise<void> {
    const step = this.totp.matchStep(this.box.open(user.totpSecretEnc!), code, this.clock.now());
    // The step is taken atomically: of two requests with one code, exactly one wins.
    const taken =
      step !== null &&
      (
        await updateReturning(
          this.dataSource,
          `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
          [user.id, step],
        )
      ).length === 1;
    if (!taken) await this.refuse(user, client, step === null ? 'bad_code' : 'reused_code');
  }

  private async acceptRecoveryCode(user: UserWithSecrets, code: string, client: ClientInfo): Promise<void> {
    const used = await this.dataSource
      .getRepository(RecoveryCodeEntity)
      .update(
        { userId: user.id, codeHash: tokenHash(normalizeRecovery(code)), usedAt: IsNull() },
        { usedAt: this.clock.now() },
      );
    if (!used.affected) await this.refuse(user, client, 'bad_recovery_code');
    await this.securityLog.record('RECOVERY_CODE_USED', user.id, client);
  }

  private async refuse(user: UserWithSecrets, client: ClientInfo, reason: string): Promise<never> {
    await this.login.countFailure(user, client);
    await this.securityLog.record('TOTP_FAILED', user.id, client, { reason });
    throw new UnauthorizedException(INVALID_CODE);
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "xxxxx-xxxxx" from an alphabet without look-alikes (~49 bits). */
function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

function normalizeRecovery(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, '');
}
