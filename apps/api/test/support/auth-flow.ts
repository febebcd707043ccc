import { Totp } from '../../src/modules/auth/totp';
import { createUser, type UserSpec } from './factories';
import type { Office } from './test-app';

/** A TOTP time step (RFC 6238's default, as the server uses). */
export const STEP_MS = 30_000;

/** Signs users in through the public API, as a client would, reading links from the SMTP sink. */
export class AuthFlow {
  readonly totp = new Totp();

  constructor(protected readonly t: Office) {}

  code(secret: string, stepsFromNow = 0): string {
    return this.totp.codeAt(secret, new Date(this.t.clock.now().getTime() + stepsFromNow * STEP_MS));
  }

  /** Moves to the next TOTP step, so a fresh code exists (a code is never accepted twice). */
  nextStep(): void {
    this.t.clock.advance(STEP_MS);
  }

  async enrollmentToken(username: string, password: string): Promise<string> {
    const res = await this.t.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    if (res.body.status !== 'enrollment_required') throw new Error(`expected enrollment, got ${res.body.status}`);
    return res.body.enrollmentToken as string;
  }

  /** The token of the newest link mailed to `email` (after the '#token='). */
  async linkToken(email: string): Promise<string> {
    const mail = await this.t.smtp.waitForMailTo(email);
    const match = /#token=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no link in mail to ${email}: ${mail.text}`);
    return match[1];
  }

  /** Enrollment, confirmation, activation link: returns the TOTP secret and the recovery codes. */
  async enroll(
    username: string,
    password: string,
    email: string,
  ): Promise<{ secret: string; recoveryCodes: string[] }> {
    const token = await this.enrollmentToken(username, password);
    const enrollment = await this.t
      .http()
      .post('/api/v1/auth/totp/enrollment')
      .auth(token, { type: 'bearer' })
      .expect(200);
    const secret = enrollment.body.secret as string;
    this.t.smtp.clear();
    await this.t
      .http()
      .post('/api/v1/auth/totp/enrollment/confirm')
      .auth(token, { type: 'bearer' })
      .send({ code: this.code(secret), email })
      .expect(202);
    const activated = await this.t
      .http()
      .post('/api/v1/auth/totp/activate')
      .send({ token: await this.linkToken(email) })
      .expect(200);
    return { secret, recoveryCodes: activated.body.recoveryCodes as string[] };
  }

  async challenge(username: string, password: string): Promise<string> {
    const res = await this.t.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    if (res.body.status !== 'totp_required') throw new Error(`expected totp_required, got ${res.body.status}`);
    return res.body.challengeToken as string;
  }

  /** A full sign-in with a fresh code: returns the session tokens. */
  async signIn(username: string, password: string, secret: string) {
    this.nextStep();
    const challengeToken = await this.challenge(username, password);
    const res = await this.t
      .http()
      .post('/api/v1/auth/totp/verify')
      .send({ challengeToken, code: this.code(secret) })
      .expect(200);
    return res.body as { accessToken: string; refreshToken: string };
  }

  /** A user of the given profile and unit, enrolled and signed in, with its access token. */
  async signedInUser(spec: UserSpec = {}) {
    const user = await createUser(this.t, spec);
    const { secret } = await this.enroll(user.username, user.password, user.email);
    const tokens = await this.signIn(user.username, user.password, secret);
    return { ...user, secret, token: tokens.accessToken };
  }
}
