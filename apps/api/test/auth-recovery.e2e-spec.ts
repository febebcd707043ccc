import { SecurityEventEntity } from '@acervo/persistence';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/** Trusted devices, disabling 2FA by link, forgotten passwords. */
describe('authentication: devices and recovery', () => {
  let t: TestApp;
  let flow: AuthFlow;

  const login = (username: string, password: string, cookie?: string) => {
    const req = t.http().post('/api/v1/auth/login').send({ username, password });
    return cookie ? req.set('Cookie', cookie) : req;
  };
  const me = (accessToken: string) => t.http().get('/api/v1/me').auth(accessToken, { type: 'bearer' });
  const events = (kind: SecurityEventEntity['kind']) =>
    t.app.get(DataSource).getRepository(SecurityEventEntity).countBy({ kind });

  /** Asks for a reset link as the user would and returns its token. */
  async function resetLink(user: { username: string; email: string }) {
    t.smtp.clear();
    await t
      .http()
      .post('/api/v1/auth/password/forgot')
      .send({ username: user.username, email: user.email })
      .expect(202);
    return flow.linkToken(user.email);
  }

  /** An enrolled user: its credentials and TOTP secret. */
  async function enrolledUser() {
    const user = await createUser(t);
    const { secret } = await flow.enroll(user.username, user.password, user.email);
    return { ...user, secret };
  }

  /** Signs in with trustDevice and returns the tokens and the Set-Cookie value. */
  async function signInTrusting(user: { username: string; password: string; secret: string }) {
    flow.nextStep();
    const challengeToken = await flow.challenge(user.username, user.password);
    const res = await t
      .http()
      .post('/api/v1/auth/totp/verify')
      .set('User-Agent', 'Firefox de teste')
      .send({ challengeToken, code: flow.code(user.secret), trustDevice: true })
      .expect(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return { tokens: res.body as { accessToken: string }, setCookie: setCookie[0], cookie: setCookie[0].split(';')[0] };
  }

  beforeAll(async () => {
    t = await createTestApp();
    flow = new AuthFlow(t);
  });

  afterAll(() => t.close());

  describe('trusted devices', () => {
    it('sets an HttpOnly, SameSite=Strict cookie that later skips the code, and lists the device', async () => {
      const user = await enrolledUser();
      const { setCookie, cookie, tokens } = await signInTrusting(user);
      expect(setCookie).toMatch(/^acervo_td=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).toMatch(/Path=\/api\/v1\/auth/);
      const res = await login(user.username, user.password, cookie).expect(200);
      expect(res.body).toMatchObject({ status: 'authenticated', accessToken: expect.any(String) });
      const devices = await t
        .http()
        .get('/api/v1/auth/trusted-devices')
        .auth(tokens.accessToken, { type: 'bearer' })
        .expect(200);
      expect(devices.body).toEqual([expect.objectContaining({ userAgent: 'Firefox de teste' })]);
      expect((await t.smtp.waitForMailTo(user.email)).subject).toMatch(/dispositivo liberado/i);
    });

    it("ignores another user's cookie", async () => {
      const a = await enrolledUser();
      const b = await enrolledUser();
      const { cookie } = await signInTrusting(a);
      const res = await login(b.username, b.password, cookie).expect(200);
      expect(res.body.status).toBe('totp_required');
    });

    it('ignores an expired cookie', async () => {
      const user = await enrolledUser();
      const { cookie } = await signInTrusting(user);
      t.clock.advance(31 * 86_400_000);
      expect((await login(user.username, user.password, cookie).expect(200)).body.status).toBe('totp_required');
    });

    it("lasts as long as the institution's trustedDeviceDays setting says", async () => {
      const db = t.app.get(DataSource);
      await db.query(`UPDATE institution_settings SET trusted_device_days = 2`);
      try {
        const user = await enrolledUser();
        const { cookie, setCookie } = await signInTrusting(user);
        const expires = new Date(/Expires=([^;]+)/.exec(setCookie)![1]).getTime();
        expect(Math.abs(expires - (t.clock.now().getTime() + 2 * 86_400_000))).toBeLessThan(60_000);
        t.clock.advance(3 * 86_400_000);
        expect((await login(user.username, user.password, cookie).expect(200)).body.status).toBe('totp_required');
      } finally {
        await db.query(`UPDATE institution_settings SET trusted_device_days = 30`);
      }
    });

    it('"Cancelar dispositivos liberados" revokes them all at once', async () => {
      const user = await enrolledUser();
      const first = await signInTrusting(user);
      const second = await signInTrusting(user);
      await t
        .http()
        .delete('/api/v1/auth/trusted-devices')
        .auth(second.tokens.accessToken, { type: 'bearer' })
        .expect(204);
      for (const { cookie } of [first, second]) {
        expect((await login(user.username, user.password, cookie).expect(200)).body.status).toBe('totp_required');
      }
      expect(await events('DEVICES_CANCELLED')).toBeGreaterThan(0);
    });
  });

  describe('disabling 2FA by link', () => {
    it('answers 202 and mails nothing for an unknown user', async () => {
      t.smtp.clear();
      await t.http().post('/api/v1/auth/totp/disable-request').send({ username: 'ninguem' }).expect(202);
      await new Promise((r) => setTimeout(r, 300));
      expect(t.smtp.mails).toHaveLength(0);
    });

    it('needs the link and the password; then 2FA is off, sessions and devices end, and login enrolls again', async () => {
      const user = await enrolledUser();
      const { tokens, cookie } = await signInTrusting(user);
      t.smtp.clear();
      await t
        .http()
        .post('/api/v1/auth/totp/disable-request')
        .send({ username: user.username.toUpperCase() })
        .expect(202);
      const token = await flow.linkToken(user.email);
      await t.http().post('/api/v1/auth/totp/disable').send({ token, password: 'senha-errada-qualquer' }).expect(401);
      await t.http().post('/api/v1/auth/totp/disable').send({ token, password: user.password }).expect(204);
      await t.http().post('/api/v1/auth/totp/disable').send({ token, password: user.password }).expect(401);
      await me(tokens.accessToken).expect(401);
      const res = await login(user.username, user.password, cookie).expect(200);
      expect(res.body.status).toBe('enrollment_required');
      expect(t.smtp.lastMailTo(user.email)!.subject).toMatch(/desativada/);
    });
  });

  describe('forgotten password', () => {
    it('answers 202 and mails nothing when username and e-mail do not match', async () => {
      const user = await createUser(t);
      t.smtp.clear();
      await t
        .http()
        .post('/api/v1/auth/password/forgot')
        .send({ username: user.username, email: 'outro@mp.example' })
        .expect(202);
      await t.http().post('/api/v1/auth/password/forgot').send({ username: 'ninguem', email: user.email }).expect(202);
      await new Promise((r) => setTimeout(r, 300));
      expect(t.smtp.mails).toHaveLength(0);
    });

    it('resets by a single-use link, refusing a weak password and naming why; 2FA still applies', async () => {
      const user = await enrolledUser();
      const before = await flow.signIn(user.username, user.password, user.secret);
      t.smtp.clear();
      await t.http().post('/api/v1/auth/password/forgot').send({ username: user.cpf!, email: user.email }).expect(202);
      const token = await flow.linkToken(user.email);

      const weak = await t
        .http()
        .post('/api/v1/auth/password/reset')
        .send({ token, password: `${user.username}123` })
        .expect(400);
      expect(weak.body.errors.map((e: { field: string }) => e.field)).toEqual(['password', 'password']);

      await t
        .http()
        .post('/api/v1/auth/password/reset')
        .send({ token, password: 'uma frase bem comprida' })
        .expect(204);
      await t
        .http()
        .post('/api/v1/auth/password/reset')
        .send({ token, password: 'outra frase bem comprida' })
        .expect(401);
      await me(before.accessToken).expect(401);
      await login(user.username, user.password).expect(401);
      expect((await login(user.username, 'uma frase bem comprida').expect(200)).body.status).toBe('totp_required');
      expect(await events('PASSWORD_RESET')).toBe(1);
    });

    it('voids an older link when a newer one is sent, and refuses an expired one', async () => {
      const user = await createUser(t);
      const older = await resetLink(user);
      const newer = await resetLink(user);
      await t
        .http()
        .post('/api/v1/auth/password/reset')
        .send({ token: older, password: 'frase nova e comprida' })
        .expect(401);
      t.clock.advance(2 * 3_600_000);
      await t
        .http()
        .post('/api/v1/auth/password/reset')
        .send({ token: newer, password: 'frase nova e comprida' })
        .expect(401);
    });

    it('lets exactly one of two parallel clicks on one link succeed', async () => {
      const user = await createUser(t);
      const token = await resetLink(user);
      const results = await Promise.all(
        ['primeira frase comprida', 'segunda frase comprida'].map((password) =>
          t.http().post('/api/v1/auth/password/reset').send({ token, password }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([204, 401]);
    });
  });

  it('signs in by CPF, with or without punctuation', async () => {
    const user = await createUser(t);
    const masked = `${user.cpf!.slice(0, 3)}.${user.cpf!.slice(3, 6)}.${user.cpf!.slice(6, 9)}-${user.cpf!.slice(9)}`;
    expect((await login(masked, user.password).expect(200)).body.status).toBe('enrollment_required');
    expect((await login(user.cpf!, user.password).expect(200)).body.status).toBe('enrollment_required');
  });
});

describe('authentication: request-rate limit', () => {
  it('answers 429 problem details past the per-address limit on /auth', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await t.http().post('/api/v1/auth/login').send({ username: 'x', password: 'y' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const res = await t.http().post('/api/v1/auth/login').send({ username: 'x', password: 'y' }).expect(429);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['retry-after']).toBeDefined();
      await t.http().get('/health').expect(200);
    } finally {
      await t.close();
    }
  });
});
