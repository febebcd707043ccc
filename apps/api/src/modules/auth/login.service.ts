import {
  type Clock,
  FREE_FAILURES,
  normalizeCpf,
  IP_FAILURE_LIMIT,
  IP_WINDOW_MINUTES,
  lockMinutesAfter,
} from '@acervo/domain';
import { Mailer } from '@acervo/runtime';
import { updateReturning, UserEntity } from '@acervo/persistence';
import { HttpException, HttpStatus, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { ClientInfo } from '../../common/auth/actor';
import { ENROLLMENT_TOKEN, TOTP_CHALLENGE_TOKEN } from '../../common/auth/token-types';
import { PasswordHasher } from '../../common/password-hasher';
import { authMails } from './auth-mails';
import { SecurityLog } from './security-log.service';
import { type SessionTokens, SessionService } from './session.service';
import { TokenService } from './token.service';
import { TrustedDeviceService } from './trusted-device.service';

export type LoginResult =
  | ({ status: 'authenticated' } & SessionTokens)
  | { status: 'totp_required'; challengeToken: string }
  | { status: 'enrollment_required'; enrollmentToken: string };

/** The same answer for an unknown user, a wrong password, a locked or inactive account. */
export const BAD_CREDENTIALS = 'Usuário ou senha inválidos.';

/** A user's sign-in secrets, which ordinary queries never select. */
export type UserWithSecrets = UserEntity & { passwordHash: string | null; totpSecretEnc: string | null };

/** The password step of signing in, with per-account and per-address throttling. */
@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);
  // Checked against when the user does not exist, so both paths cost one argon2 verify.
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly securityLog: SecurityLog,
    private readonly sessions: SessionService,
    private readonly devices: TrustedDeviceService,
    private readonly mailer: Mailer,
    @InjectClock() private readonly clock: Clock,
  ) {
    this.decoyHash = hasher.hash('decoy password that matches nothing');
  }

  /** `deviceToken`: the trusted-device cookie, which skips the code for its own user only. */
  async login(username: string, password: string, client: ClientInfo, deviceToken?: string): Promise<LoginResult> {
    await this.refuseNoisyAddress(client);
    const user = await this.findForLogin(username);
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? (await this.decoyHash), password);
    const now = this.clock.now();
    const usable = user && user.active && user.passwordHash && !(user.lockedUntil && user.lockedUntil > now);
    if (!user || !usable || !passwordOk) {
      await this.countAddressFailure(client);
      if (user && user.active && !passwordOk) await this.countFailure(user, client);
      await this.securityLog.record('LOGIN_FAILED', user?.id ?? null, client, {
        username: username.slice(0, 64),
        reason: failureReason(user, passwordOk),
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (!user.totpEnabledAt) {
      return {
        status: 'enrollment_required',
        enrollmentToken: await this.tokens.step(ENROLLMENT_TOKEN, user.id, user.passwordChangedAt),
      };
    }
    if (await this.devices.recognise(deviceToken, user.id)) {
      await this.clearFailures(user.id);
      const tokens = await this.dataSource.transaction(async (tx) => {
        await this.securityLog.record('LOGIN_SUCCEEDED', user.id, client, { method: 'trusted_device' }, tx);
        return this.sessions.open(user.id, client, tx);
      });
      return { status: 'authenticated', ...tokens };
    }
    return {
      status: 'totp_required',
      challengeToken: await this.tokens.step(TOTP_CHALLENGE_TOKEN, user.id, user.passwordChangedAt),
    };
  }

  /** By username — case-insensitive, so "Admin" and "admin" are one user and one counter — or by CPF. */
  findForLogin(usernameOrCpf: string): Promise<UserWithSecrets | null> {
    const given = usernameOrCpf.trim();
    const cpf = normalizeCpf(given);
    return this.withSecrets()
      .where('lower(u.username) = lower(:given)', { given })
      .orWhere(/^\d{11}$/.test(cpf) ? 'u.cpf = :cpf' : 'false', { cpf })
      .getOne() as Promise<UserWithSecrets | null>;
  }

  findById(id: string): Promise<UserWithSecrets | null> {
    return this.withSecrets().where('u.id = :id', { id }).getOne() as Promise<UserWithSecrets | null>;
  }

  passwordMatches(user: UserWithSecrets, password: string): Promise<boolean> {
    return user.passwordHash ? this.hasher.verify(user.passwordHash, password) : Promise.resolve(false);
  }

  private withSecrets() {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.totpSecretEnc']);
  }

  /** One more failed password or code; locks the account for a while past the free ones. */
  async countFailure(user: Pick<UserEntity, 'id' | 'email' | 'totpEmail'>, client: ClientInfo): Promise<void> {
    const [row] = await updateReturning<{ failed_attempts: number }>(
      this.dataSource,
      `UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = $1 RETURNING failed_attempts`,
      [user.id],
    );
    const minutes = lockMinutesAfter(row.failed_attempts);
    if (!minutes) return;
    const until = new Date(this.clock.now().getTime() + minutes * 60_000);
    await this.dataSource.query(`UPDATE users SET locked_until = $2 WHERE id = $1`, [user.id, until]);
    await this.securityLog.record('ACCOUNT_LOCKED', user.id, client, { minutes, failures: row.failed_attempts });
    if (row.failed_attempts === FREE_FAILURES) {
      await this.mailer
        .send(authMails.accountLocked(user.totpEmail ?? user.email, minutes))
        .catch((e: unknown) => this.logger.error(e));
    }
  }

  async clearFailures(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1`, [userId]);
  }

  isLocked(user: Pick<UserEntity, 'lockedUntil'>): boolean {
    return !!user.lockedUntil && user.lockedUntil > this.clock.now();
  }

  private async refuseNoisyAddress(client: ClientInfo): Promise<void> {
    if (!client.ip) return;
    const since = new Date(this.clock.now().getTime() - IP_WINDOW_MINUTES * 60_000);
    const rows: { failures: number }[] = await this.dataSource.query(
      `SELECT failures FROM ip_login_failures WHERE ip = $1 AND window_start > $2`,
      [client.ip, since],
    );
    if (rows[0] && rows[0].failures >= IP_FAILURE_LIMIT) {
      throw new HttpException(
        'Muitas tentativas de acesso a partir deste endereço. Aguarde alguns minutos.',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  private async countAddressFailure(client: ClientInfo): Promise<void> {
    if (!client.ip) return;
    const now = this.clock.now();
    const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
    await this.dataSource.query(
      `INSERT INTO ip_login_failures (ip, window_start, failures) VALUES ($1, $2, 1)
       ON CONFLICT (ip) DO UPDATE SET
         failures = CASE WHEN ip_login_failures.window_start <= $3 THEN 1 ELSE ip_login_failures.failures + 1 END,
         window_start = CASE WHEN ip_login_failures.window_start <= $3 THEN $2 ELSE ip_login_failures.window_start END`,
      [client.ip, now, since],
    );
  }
}

/** Why a password step failed, for the security log only (the caller never learns it). */
function failureReason(user: UserWithSecrets | null, passwordOk: boolean): string {
  if (!user) return 'unknown_user';
  if (!user.active) return 'inactive';
  if (!user.passwordHash) return 'no_password_yet';
  return passwordOk ? 'locked' : 'bad_password';
}
