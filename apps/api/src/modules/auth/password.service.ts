import { type Clock, PASSWORD_PROBLEM_MESSAGES, passwordProblems, ValidationFailed } from '@acervo/domain';
import { Mailer } from '@acervo/runtime';
import { UserEntity } from '@acervo/persistence';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { ClientInfo } from '../../common/auth/actor';
import { PasswordHasher } from '../../common/password-hasher';
import { authMails } from './auth-mails';
import { EmailLinkService, INVALID_LINK } from './email-link.service';
import { LoginService } from './login.service';
import { SecurityLog } from './security-log.service';
import { SessionService } from './session.service';
import { TrustedDeviceService } from './trusted-device.service';

// A first-password link waits for a new user longer than a reset link does.
const FIRST_PASSWORD_LINK_MINUTES = 7 * 24 * 60;

/** Forgot password, first password and reset: e-mailed single-use links, then a new password. */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly login: LoginService,
    private readonly links: EmailLinkService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly devices: TrustedDeviceService,
    private readonly securityLog: SecurityLog,
    private readonly mailer: Mailer,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Mails a reset link when username (or CPF) and e-mail belong to one active user; silent otherwise. */
  async forgot(usernameOrCpf: string, email: string, client: ClientInfo): Promise<void> {
    const user = await this.login.findForLogin(usernameOrCpf);
    const known = [user?.email, user?.totpEmail].some((e) => e && e.toLowerCase() === email.trim().toLowerCase());
    if (!user || !user.active || !known) return;
    const link = await this.links.issue(user.id, 'PASSWORD_RESET', user.email);
    await this.securityLog.record('PASSWORD_RESET_REQUESTED', user.id, client);
    await this.mailer.send(authMails.passwordReset(user.email, link.url, link.minutes, false));
  }

  /** The link a new user receives to set a first password (the organisation module sends it). */
  async sendFirstPasswordLink(user: Pick<UserEntity, 'id' | 'email'>): Promise<void> {
    const link = await this.links.issue(user.id, 'PASSWORD_RESET', user.email, FIRST_PASSWORD_LINK_MINUTES);
    await this.mailer.send(authMails.passwordReset(user.email, link.url, link.minutes, true));
  }

  /**
   * Sets the password from a link. Ends every session and trusted device; 2FA stays as it
   * was, so a reset never bypasses the code.
   */
  async reset(token: string, password: string, client: ClientInfo): Promise<void> {
    const pending = await this.links.find(token, 'PASSWORD_RESET');
    const user = pending && (await this.login.findById(pending.userId));
    if (!pending || !user) throw new UnauthorizedException(INVALID_LINK);
    const problems = passwordProblems(password, user.username);
    if (problems.length) {
      throw new ValidationFailed(problems.map((p) => ({ field: 'password', message: PASSWORD_PROBLEM_MESSAGES[p] })));
    }
    const hash = await this.hasher.hash(password);
    const changed = await this.dataSource.transaction(async (tx) => {
      if (!(await this.links.consume(tx, token, 'PASSWORD_RESET'))) return false;
      await tx.getRepository(UserEntity).update(user.id, {
        passwordHash: hash,
        passwordChangedAt: this.clock.now(),
        failedAttempts: 0,
        lockedUntil: null,
      });
      await this.sessions.closeAll(user.id, tx);
      await this.devices.revokeAll(user.id, tx);
      await this.securityLog.record('PASSWORD_RESET', user.id, client, {}, tx);
      return true;
    });
    if (!changed) throw new UnauthorizedException(INVALID_LINK);
    await this.mailer
      .send(authMails.passwordChanged(user.totpEmail ?? user.email))
      .catch((e: unknown) => this.logger.error(e));
  }
}
