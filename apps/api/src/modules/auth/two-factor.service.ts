import { randomInt } from 'node:crypto';
import { type Clock, Conflict } from '@acervo/domain';
import { Mailer } from '@acervo/runtime';
import { RecoveryCodeEntity, updateReturning, UserEntity } from '@acervo/persistence';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { DataSource, IsNull } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { ClientInfo } from '../../common/auth/actor';
import { ENROLLMENT_TOKEN, TOTP_CHALLENGE_TOKEN } from '../../common/auth/token-types';
import { authMails } from './auth-mails';
import { EmailLinkService, INVALID_LINK } from './email-link.service';
import { tokenHash } from './hashing';
import { LoginService, type UserWithSecrets } from './login.service';
import { SecretBox } from './secret-box';
import { SecurityLog } from './security-log.service';
import { type SessionTokens, SessionService } from './session.service';
import { TokenService } from './token.service';
import { Totp } from './totp';
import { type ReleasedDevice, TrustedDeviceService } from './trusted-device.service';

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
    private readonly links: EmailLinkService,
    private readonly devices: TrustedDeviceService,
    private readonly securityLog: SecurityLog,
    private readonly mailer: Mailer,
    private readonly totp: Totp,
    private readonly box: SecretBox,
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
    const link = await this.links.issue(user.id, 'TOTP_ACTIVATION', email);
    await this.mailer.send(authMails.totpActivation(email, link.url, link.minutes));
  }

  /** Opening the link activates 2FA and yields the recovery codes, shown this once. */
  async activate(token: string, client: ClientInfo): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, () => recoveryCode());
    const email = await this.dataSource.transaction(async (tx) => {
      const link = await this.links.consume(tx, token, 'TOTP_ACTIVATION');
      if (!link) return undefined;
      const activated = await tx
        .getRepository(UserEntity)
        .update(
          { id: link.userId, totpEnabledAt: IsNull() },
          { totpEnabledAt: this.clock.now(), totpEmail: link.email },
        );
      if (!activated.affected) return undefined;
      await tx.getRepository(RecoveryCodeEntity).delete({ userId: link.userId });
      await tx
        .getRepository(RecoveryCodeEntity)
        .insert(codes.map((c) => ({ userId: link.userId, codeHash: tokenHash(normalizeRecovery(c)) })));
      await this.securityLog.record('TOTP_ACTIVATED', link.userId, client, {}, tx);
      return link.email;
    });
    if (!email) throw new UnauthorizedException(INVALID_LINK);
    await this.mailer.send(authMails.totpActivated(email)).catch((e: unknown) => this.logger.error(e));
    return codes;
  }

  /** The code step of signing in: a TOTP code (never twice) or a recovery code (once each). */
  async verify(
    challengeToken: string,
    proof: { code?: string; recoveryCode?: string; trustDevice?: boolean },
    client: ClientInfo,
  ): Promise<SessionTokens & { device?: ReleasedDevice }> {
    const user = await this.stepUser(challengeToken, TOTP_CHALLENGE_TOKEN);
    if (!user.totpEnabledAt || !user.totpSecretEnc) throw new UnauthorizedException(INVALID_CODE);
    if (proof.recoveryCode !== undefined) await this.acceptRecoveryCode(user, proof.recoveryCode, client);
    else await this.acceptCode(user, proof.code ?? '', client);
    await this.login.clearFailures(user.id);
    const result = await this.dataSource.transaction(async (tx) => {
      const method = proof.recoveryCode ? 'recovery_code' : 'totp';
      await this.securityLog.record('LOGIN_SUCCEEDED', user.id, client, { method }, tx);
      const tokens = await this.sessions.open(user.id, client, tx);
      if (!proof.trustDevice) return tokens;
      const device = await this.devices.release(user.id, client, tx);
      await this.securityLog.record('DEVICE_RELEASED', user.id, client, {}, tx);
      return { ...tokens, device };
    });
    if ('device' in result) {
      await this.mailer
        .send(authMails.deviceReleased(user.totpEmail ?? user.email, client.userAgent, result.device.days))
        .catch((e: unknown) => this.logger.error(e));
    }
    return result;
  }

  /** "Cancelar dispositivos liberados". */
  async cancelDevices(userId: string, client: ClientInfo): Promise<void> {
    const cancelled = await this.dataSource.transaction(async (tx) => {
      const count = await this.devices.revokeAll(userId, tx);
      await this.securityLog.record('DEVICES_CANCELLED', userId, client, { count }, tx);
      return count;
    });
    const user = cancelled ? await this.login.findById(userId) : null;
    if (user) {
      await this.mailer
        .send(authMails.devicesCancelled(user.totpEmail ?? user.email))
        .catch((e: unknown) => this.logger.error(e));
    }
  }

  /** "Desativar 2FA": mails a link to the enrollment address. Answers the same whether or not the user exists. */
  async requestDisable(username: string, client: ClientInfo): Promise<void> {
    const user = await this.login.findForLogin(username);
    if (!user || !user.active || !user.totpEnabledAt || !user.totpEmail) return;
    const link = await this.links.issue(user.id, 'TOTP_DISABLE', user.totpEmail);
    await this.securityLog.record('TOTP_DISABLE_REQUESTED', user.id, client);
    await this.mailer.send(authMails.totpDisable(user.totpEmail, link.url, link.minutes));
  }

  /**
   * The disable link plus the password (a mailbox alone must not take over an account):
   * clears the factor, its recovery codes, every session and trusted device.
   */
  async disable(token: string, password: string, client: ClientInfo): Promise<void> {
    const pending = await this.links.find(token, 'TOTP_DISABLE');
    const user = pending && (await this.login.findById(pending.userId));
    if (!pending || !user) throw new UnauthorizedException(INVALID_LINK);
    if (this.login.isLocked(user) || !(await this.login.passwordMatches(user, password))) {
      await this.login.countFailure(user, client);
      throw new UnauthorizedException('Senha incorreta.');
    }
    const disabled = await this.dataSource.transaction(async (tx) => {
      if (!(await this.links.consume(tx, token, 'TOTP_DISABLE'))) return false;
      await tx
        .getRepository(UserEntity)
        .update(user.id, { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpEmail: null });
      await tx.getRepository(RecoveryCodeEntity).delete({ userId: user.id });
      await this.sessions.closeAll(user.id, tx);
      await this.devices.revokeAll(user.id, tx);
      await this.securityLog.record('TOTP_DISABLED', user.id, client, {}, tx);
      return true;
    });
    if (!disabled) throw new UnauthorizedException(INVALID_LINK);
    await this.mailer.send(authMails.totpDisabled(pending.email)).catch((e: unknown) => this.logger.error(e));
  }

  /** The user of a step token, if the token is of that type and the password has not changed since. */
  private async stepUser(token: string | undefined, type: typeof ENROLLMENT_TOKEN | typeof TOTP_CHALLENGE_TOKEN) {
    const claims = await this.tokens.verify(token, type);
    const user = await this.login.findById(claims.sub);
    if (!user || !user.active || user.passwordChangedAt.getTime() !== claims.pwd || this.login.isLocked(user)) {
      throw new UnauthorizedException('Token inválido ou expirado. Entre novamente.');
    }
    return user;
  }

  private async acceptCode(user: UserWithSecrets, code: string, client: ClientInfo): Promise<void> {
    const secret = this.box.open(user.totpSecretEnc!);
    // With the clock shifted for tests (CLOCK_OFFSET_MS), an authenticator at the real minute works too.
    const wall = this.clock.wallNow?.();
    const step =
      this.totp.matchStep(secret, code, this.clock.now()) ?? (wall ? this.totp.matchStep(secret, code, wall) : null);
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
