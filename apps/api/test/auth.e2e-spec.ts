import { SecurityEventEntity, UserEntity } from '@acervo/persistence';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

const ADMIN_MAIL = 'admin@mp.example';

describe('authentication', () => {
  let t: TestApp;
  let flow: AuthFlow;
  let secret: string;
  let recoveryCodes: string[];

  const login = (username: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ username, password });
  const verify = (body: object) => t.http().post('/api/v1/auth/totp/verify').send(body);
  const me = (accessToken: string) => t.http().get('/api/v1/me').auth(accessToken, { type: 'bearer' });
  const events = (kind: string) =>
    t.app
      .get(DataSource)
      .getRepository(SecurityEventEntity)
      .countBy({ kind: kind as SecurityEventEntity['kind'] });
  const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  beforeAll(async () => {
    t = await createTestApp();
    flow = new AuthFlow(t);
  });

  afterAll(() => t.close());

  describe('password step', () => {
    it('answers an unknown user and a wrong password with the same 401 body', async () => {
      const unknown = await login('ninguem', 'qualquer-senha-longa').expect(401);
      const wrong = await login(TEST_ADMIN.username, 'senha-errada-mas-longa').expect(401);
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(unknown.body).toMatchObject({ status: 401, detail: 'Usuário ou senha inválidos.' });
      expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    });

    it('refuses unknown fields and missing ones, naming them, before anything else', async () => {
      const res = await t.http().post('/api/v1/auth/login').send({ username: 'admin', role: 'ADMIN' }).expect(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['password', 'role']);
    });

    it('sends a user without 2FA to the enrollment, whatever the case of the username', async () => {
      const res = await login('ADMIN', TEST_ADMIN.password).expect(200);
      expect(res.body).toEqual({ status: 'enrollment_required', enrollmentToken: expect.any(String) });
    });

    it('never accepts the enrollment token as an access token', async () => {
      const token = await flow.enrollmentToken(TEST_ADMIN.username, TEST_ADMIN.password);
      await me(token).expect(401);
      await verify({ challengeToken: token, code: '123456' }).expect(401);
    });
  });

  describe('enrollment', () => {
    it('gives the secret, an otpauth URL with issuer Acervo and a QR code', async () => {
      const token = await flow.enrollmentToken(TEST_ADMIN.username, TEST_ADMIN.password);
      const res = await t.http().post('/api/v1/auth/totp/enrollment').auth(token, { type: 'bearer' }).expect(200);
      expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(res.body.otpauthUrl);
      expect(uri.searchParams.get('issuer')).toBe('Acervo');
      expect(uri.searchParams.get('secret')).toBe(res.body.secret);
      expect(res.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    });

    it('takes the enrollment token from the body too', async () => {
      const enrollmentToken = await flow.enrollmentToken(TEST_ADMIN.username, TEST_ADMIN.password);
      const res = await t.http().post('/api/v1/auth/totp/enrollment').send({ enrollmentToken }).expect(200);
      expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    });

    it('refuses a wrong code at confirmation, with the clock hint, and mails nothing', async () => {
      const token = await flow.enrollmentToken(TEST_ADMIN.username, TEST_ADMIN.password);
      await t.http().post('/api/v1/auth/totp/enrollment').auth(token, { type: 'bearer' }).expect(200);
      t.smtp.clear();
      const res = await t
        .http()
        .post('/api/v1/auth/totp/enrollment/confirm')
        .auth(token, { type: 'bearer' })
        .send({ code: '000000', email: ADMIN_MAIL })
        .expect(401);
      expect(res.body.detail).toMatch(/Código de autenticação inválido.*hora do celular/);
      expect(t.smtp.mails).toHaveLength(0);
      await t.app.get(DataSource).query('UPDATE users SET failed_attempts = 0');
    });

    it('activates by the mailed link once, returning 10 recovery codes', async () => {
      ({ secret, recoveryCodes } = await flow.enroll(TEST_ADMIN.username, TEST_ADMIN.password, ADMIN_MAIL));
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      const mail = t.smtp.lastMailTo(ADMIN_MAIL)!;
      expect(mail.subject).toMatch(/ativada/);
      const user = await t.app
        .get(DataSource)
        .getRepository(UserEntity)
        .findOneByOrFail({ username: TEST_ADMIN.username });
      expect(user.totpEmail).toBe(ADMIN_MAIL);
    });

    it('refuses the activation link a second time, altered, or unknown', async () => {
      await t
        .http()
        .post('/api/v1/auth/totp/activate')
        .send({ token: 'x'.repeat(43) })
        .expect(401);
    });

    it('stores the TOTP secret encrypted', async () => {
      const [row] = await t.app
        .get(DataSource)
        .query(`SELECT totp_secret_enc FROM users WHERE username = $1`, [TEST_ADMIN.username]);
      expect(row.totp_secret_enc).not.toContain(secret);
    });
  });

  describe('code step', () => {
    it('signs in with the password and a current code, then /me answers', async () => {
      const tokens = await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret);
      const res = await me(tokens.accessToken).expect(200);
      expect(res.body).toMatchObject({
        username: TEST_ADMIN.username,
        assignments: [{ unitId: null, profile: 'ADMIN', secretaria: false, secrecyCap: 0, mayRegister: false }],
        profiles: ['ADMIN'],
        capabilities: ['users.manage', 'units.manage', 'catalogues.manage'],
      });
    });

    it('refuses a code already used, even in a new login', async () => {
      flow.nextStep();
      const code = flow.code(secret);
      await verify({ challengeToken: await flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password), code }).expect(
        200,
      );
      const again = await verify({
        challengeToken: await flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password),
        code,
      }).expect(401);
      expect(again.body.detail).toMatch(/Código de autenticação inválido/);
    });

    it('accepts the next step (phone a little ahead) but not two steps away', async () => {
      flow.nextStep();
      const challengeToken = await flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password);
      await verify({ challengeToken, code: flow.code(secret, 2) }).expect(401);
      await verify({ challengeToken, code: flow.code(secret, 1) }).expect(200);
      flow.nextStep();
      flow.nextStep();
    });

    it('lets exactly one of two parallel submissions of one code win', async () => {
      flow.nextStep();
      const code = flow.code(secret);
      const [a, b] = await Promise.all([
        flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password),
        flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password),
      ]);
      const results = await Promise.all([verify({ challengeToken: a, code }), verify({ challengeToken: b, code })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
      await t.app.get(DataSource).query('UPDATE users SET failed_attempts = 0');
    });

    it('accepts each recovery code once', async () => {
      const challenge = () => flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password);
      await verify({ challengeToken: await challenge(), recoveryCode: recoveryCodes[0].toUpperCase() }).expect(200);
      await verify({ challengeToken: await challenge(), recoveryCode: recoveryCodes[0] }).expect(401);
      await t.app.get(DataSource).query('UPDATE users SET failed_attempts = 0');
    });

    it('aborts a login whose password changed between the password and the code', async () => {
      flow.nextStep();
      const challengeToken = await flow.challenge(TEST_ADMIN.username, TEST_ADMIN.password);
      await t.app.get(DataSource).query(`UPDATE users SET password_changed_at = now() + interval '1 second'`);
      await verify({ challengeToken, code: flow.code(secret) }).expect(401);
    });
  });

  describe('sessions', () => {
    it('rotates refresh tokens; a reused one ends the whole session', async () => {
      const first = await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret);
      const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      await me(second.body.accessToken).expect(200);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
      await me(second.body.accessToken).expect(401);
      expect(await events('REFRESH_REUSED')).toBe(1);
    });

    it('logout ends the session: its tokens stop working', async () => {
      const tokens = await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret);
      await t
        .http()
        .post('/api/v1/auth/logout')
        .auth(tokens.accessToken, { type: 'bearer' })
        .send({ refreshToken: tokens.refreshToken })
        .expect(204);
      await me(tokens.accessToken).expect(401);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    });

    it('refuses tokens signed with another algorithm or secret', async () => {
      const tokens = await flow.signIn(TEST_ADMIN.username, TEST_ADMIN.password, secret);
      const [header, payload] = tokens.accessToken.split('.');
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      await me(none).expect(401);
      await me(`${header}.${payload}.${'A'.repeat(43)}`).expect(401);
    });
  });

  describe('throttling', () => {
    it('locks the account after repeated failures, with the same answer as a wrong password, and mails the user', async () => {
      t.smtp.clear();
      for (let i = 0; i < 5; i++) await login(TEST_ADMIN.username.toUpperCase(), `tentativa-errada-${i}`).expect(401);
      const locked = await login(TEST_ADMIN.username, TEST_ADMIN.password).expect(401);
      expect(locked.body.detail).toBe('Usuário ou senha inválidos.');
      expect((await t.smtp.waitForMailTo(ADMIN_MAIL)).subject).toMatch(/bloqueado/);
      expect(await events('ACCOUNT_LOCKED')).toBeGreaterThan(0);
      t.clock.advance(2 * 60_000);
      await login(TEST_ADMIN.username, TEST_ADMIN.password).expect(200);
    });

    it('records every failed and successful login in the security log with address and browser', async () => {
      const [event] = await t.app
        .get(DataSource)
        .getRepository(SecurityEventEntity)
        .find({ where: { kind: 'LOGIN_FAILED' }, take: 1 });
      expect(event).toMatchObject({ ip: expect.any(String), userAgent: null });
      expect(await events('LOGIN_SUCCEEDED')).toBeGreaterThan(0);
    });
  });
});
