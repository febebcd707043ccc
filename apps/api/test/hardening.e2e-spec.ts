import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PDF_BYTES } from '@acervo/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SecretBox } from '../src/modules/auth/secret-box';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { startWebClientTest } from './support/web-client';

type Http = () => ReturnType<typeof request>;

/** Issue 14, item 6: headers, CORS, the one cookie, secrets in logs and at rest, limits, SMTP timeouts. */
describe('hardening', () => {
  let t: TestApp;
  let flow: AuthFlow;
  /** Every JSON line the API logged, at debug level. */
  const logs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'debug' }, { logStream: { write: (line) => logs.push(line) } });
    flow = new AuthFlow(t);
  });

  afterAll(() => t.close());

  const problem = (res: { status: number; headers: Record<string, string>; body: unknown }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  };

  describe('security headers', () => {
    const directives = (csp: string): Record<string, string[]> =>
      Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );

    it('come with every API answer', async () => {
      const res = await t.http().get('/api/v1/me').expect(401);
      expect(res.headers).toMatchObject({
        'strict-transport-security': expect.stringMatching(/max-age=\d{6,}/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-permitted-cross-domain-policies': 'none',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('give the SPA a strict CSP: scripts of its own only, nothing from elsewhere, blob: for the PDF viewer', async () => {
      const webDir = await mkdtemp(join(tmpdir(), 'acervo-web-'));
      await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Acervo</title><div id="app"></div>');
      const app = await t.boot({ WEB_DIR: webDir });
      const res = await request(app.getHttpServer()).get('/processos/qualquer').expect(200);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'object-src': ["'self'", 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'frame-ancestors': ["'self'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'img-src': ["'self'", 'data:'],
      });
      // Upgrading http to https only where the installation is served over https.
      expect(csp['upgrade-insecure-requests']).toBeUndefined();
      const https = await t.boot({ WEB_DIR: webDir, APP_URL: 'https://acervo.mp.example' });
      const secure = await request(https.getHttpServer()).get('/').expect(200);
      expect(directives(secure.headers['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
      const foreign = Object.values(csp)
        .flat()
        .filter((source) => !/^('self'|'none'|'unsafe-inline'|blob:|data:)$/.test(source));
      expect(foreign).toEqual([]);
    });

    it('let the built SPA run in Chromium with no policy violation, from sign-in to a process', async () => {
      const web = await startWebClientTest();
      try {
        const webFlow = new AuthFlow(web.t);
        const unit = await createUnit(web.t);
        const member = await webFlow.signedInUser({ profile: 'MEMBER', unitId: unit.id });
        const proc = (
          await web.t
            .http()
            .post('/api/v1/processes')
            .auth(member.token, { type: 'bearer' })
            .send({ unitId: unit.id, classCode: 'NF', subjectCode: '10011', summary: 'Merenda escolar' })
            .expect(201)
        ).body as { id: string; number: string };

        const page = await (await web.browser.newContext()).newPage();
        page.setDefaultTimeout(15_000);
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/content.security.policy/i.test(m.text())) violations.push(m.text());
        });
        await page.addInitScript({
          content: `document.addEventListener('securitypolicyviolation', (e) =>
            console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))`,
        });
        await page.goto(`${web.base}/entrar`);
        await page.getByLabel('Usuário ou CPF').fill(member.username);
        await page.getByLabel('Senha', { exact: true }).fill(member.password);
        await page.getByRole('button', { name: 'Entrar' }).click();
        webFlow.nextStep();
        await page.getByLabel('Código', { exact: true }).fill(webFlow.code(member.secret));
        await page.getByRole('button', { name: 'Confirmar' }).click();
        await page.getByRole('heading', { name: 'Caixa de entrada' }).waitFor();
        await page.goto(`${web.base}/processos/${proc.id}`);
        await page.getByText(proc.number).first().waitFor();
        expect(violations).toEqual([]);
      } finally {
        await web.close();
      }
    });
  });

  describe('CORS', () => {
    it('is closed: a cross-origin preflight or request gets no Access-Control-Allow-Origin', async () => {
      const origin = 'https://outro-site.example';
      const preflight = await t
        .http()
        .options('/api/v1/processes')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type');
      const simple = await t.http().get('/api/v1/me').set('Origin', origin);
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Origin', origin)
        .send({ username: 'a', password: 'b' });
      for (const res of [preflight, simple, login]) {
        expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    });
  });

  describe('the trusted-device cookie, the only cookie', () => {
    /** Signs in with "trust this browser" and returns the Set-Cookie header. */
    const trustedCookie = async (http: Http) => {
      const user = await createUser(t, { profile: 'MEMBER' });
      const { secret } = await flow.enroll(user.username, user.password, user.email);
      flow.nextStep();
      const login = await http().post('/api/v1/auth/login').send({ username: user.username, password: user.password });
      const res = await http()
        .post('/api/v1/auth/totp/verify')
        .send({ challengeToken: login.body.challengeToken, code: flow.code(secret), trustDevice: true })
        .expect(200);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('acervo_td='));
      return { user, cookie: cookie!, value: cookie!.split(';')[0] };
    };

    it('is HttpOnly, SameSite=Strict, scoped to the sign-in routes, and Secure behind https', async () => {
      const { cookie } = await trustedCookie(t.http);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
      expect(cookie).not.toMatch(/; Secure/);

      const https = await t.boot({ APP_URL: 'https://acervo.mp.example' });
      const secure = await trustedCookie(() => request(https.getHttpServer()));
      expect(secure.cookie).toMatch(/; Secure/);
      expect(secure.cookie).toMatch(/; HttpOnly/);
      expect(secure.cookie).toMatch(/; SameSite=Strict/);
    });

    const loginWith = (cookie: string, user: { username: string; password: string }) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('Cookie', cookie)
        .send({ username: user.username, password: user.password });

    it('never authenticates a request by itself: changes need the Bearer token a cross-site page cannot send', async () => {
      const { value, user } = await trustedCookie(t.http);
      await t.http().get('/api/v1/me').set('Cookie', value).expect(401);
      problem(await t.http().post('/api/v1/processes').set('Cookie', value).send({ summary: 'forjado' }), 401);
      // What an HTML form on another site can send: form-encoded, no Authorization header.
      problem(await t.http().post('/api/v1/processes').set('Cookie', value).type('form').send({ summary: 'x' }), 401);
      await t.http().delete('/api/v1/auth/trusted-devices').set('Cookie', value).expect(401);
      // The cookie still releases its own user's sign-in, with the password.
      expect((await loginWith(value, user).expect(200)).body.status).toBe('authenticated');
    });

    it('is ignored, not fatal, when it holds JSON — cookie-parser parses "j:" values (was a 500)', async () => {
      const user = await createUser(t, { profile: 'MEMBER' });
      await flow.enroll(user.username, user.password, user.email);
      for (const cookie of ['acervo_td=j:{"token":1}', 'acervo_td=j:[1,2]', 'acervo_td=j:"texto"']) {
        expect((await loginWith(cookie, user).expect(200)).body.status).toBe('totp_required');
      }
    });
  });

  describe('secrets', () => {
    /** Everything secret the sign-in life below handled: passwords, tokens, codes, the TOTP secret. */
    const secrets: string[] = [];
    let userId: string;
    let totpSecret: string;
    let sealed: string;
    let logged: string;

    const keep = <T extends string | undefined>(value: T): T => {
      if (value) secrets.push(value);
      return value;
    };
    const cookieOf = (res: { headers: Record<string, unknown> }) =>
      ([] as string[])
        .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
        .find((c) => c.startsWith('acervo_td='))!
        .split(';')[0];

    beforeAll(async () => {
      const from = logs.length;
      const http = t.http;
      const user = await createUser(t, { profile: 'MEMBER' });
      userId = user.id;
      keep(user.password);
      keep(t.config.auth.jwtSecret);
      keep(t.config.auth.totpKey!.toString('base64'));

      // Enrollment, activation link, recovery codes.
      const enrollmentToken = keep(await flow.enrollmentToken(user.username, user.password));
      const enrollment = await http()
        .post('/api/v1/auth/totp/enrollment')
        .auth(enrollmentToken, { type: 'bearer' })
        .expect(200);
      totpSecret = keep(enrollment.body.secret as string);
      keep(enrollment.body.otpauthUrl as string);
      t.smtp.clear();
      await http()
        .post('/api/v1/auth/totp/enrollment/confirm')
        .auth(enrollmentToken, { type: 'bearer' })
        .send({ code: flow.code(totpSecret), email: user.email })
        .expect(202);
      const activation = await http()
        .post('/api/v1/auth/totp/activate')
        .send({ token: keep(await flow.linkToken(user.email)) })
        .expect(200);
      const recoveryCodes = activation.body.recoveryCodes as string[];
      for (const code of recoveryCodes) keep(code).split('-').forEach(keep);
      [{ totp_secret_enc: sealed }] = await t.app
        .get(DataSource)
        .query(`SELECT totp_secret_enc FROM users WHERE id = $1`, [user.id]);

      // A trusted browser, a refresh, a reused refresh token, a recovery code.
      flow.nextStep();
      const verified = await http()
        .post('/api/v1/auth/totp/verify')
        .send({
          challengeToken: keep(await flow.challenge(user.username, user.password)),
          code: flow.code(totpSecret),
          trustDevice: true,
        })
        .expect(200);
      keep(verified.body.accessToken);
      const device = keep(cookieOf(verified));
      keep(device.split('=')[1]);
      const released = await http()
        .post('/api/v1/auth/login')
        .set('Cookie', device)
        .send({ username: user.username, password: user.password })
        .expect(200);
      keep(released.body.accessToken);
      const refreshed = await http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: keep(released.body.refreshToken) })
        .expect(200);
      keep(refreshed.body.accessToken);
      keep(refreshed.body.refreshToken);
      await http().get('/api/v1/me').auth(refreshed.body.accessToken, { type: 'bearer' }).expect(200);
      // A reused refresh token ends its session (theft detection).
      await http().post('/api/v1/auth/refresh').send({ refreshToken: released.body.refreshToken }).expect(401);
      const recovered = await http()
        .post('/api/v1/auth/totp/verify')
        .send({
          challengeToken: keep(await flow.challenge(user.username, user.password)),
          recoveryCode: recoveryCodes[0],
        })
        .expect(200);
      keep(recovered.body.accessToken);
      keep(recovered.body.refreshToken);

      // A wrong password, then a reset through the mailed link, then 2FA turned off.
      await http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: keep('senha-errada-mas-secreta') })
        .expect(401);
      t.smtp.clear();
      await http()
        .post('/api/v1/auth/password/forgot')
        .send({ username: user.username, email: user.email })
        .expect(202);
      const newPassword = keep('nova-senha-bem-longa-e-secreta');
      await http()
        .post('/api/v1/auth/password/reset')
        .send({ token: keep(await flow.linkToken(user.email)), password: newPassword })
        .expect(204);
      t.smtp.clear();
      await http().post('/api/v1/auth/totp/disable-request').send({ username: user.username }).expect(202);
      await http()
        .post('/api/v1/auth/totp/disable')
        .send({ token: keep(await flow.linkToken(user.email)), password: newPassword })
        .expect(204);
      const again = await http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: newPassword })
        .expect(200);
      await http()
        .post('/api/v1/auth/logout')
        .auth(keep(again.body.enrollmentToken ?? again.body.accessToken), { type: 'bearer' })
        .send({});
      logged = logs.slice(from).join('');
    });

    it('never reach the log, even at debug level', () => {
      // The capture works: each step above was logged, the device cookie's Set-Cookie redacted.
      expect(logged.match(/"msg":"request completed"/g)?.length).toBeGreaterThanOrEqual(19);
      expect(logged).toContain('"path":"/api/v1/auth/totp/verify"');
      expect(logged).toContain('"set-cookie":"[redacted]"');
      expect(secrets.length).toBeGreaterThan(30);
      expect(secrets.filter((secret) => logged.includes(secret))).toEqual([]);
    });

    it('are kept in the database sealed or hashed, never as given', async () => {
      // The TOTP secret: AES-GCM with TOTP_ENCRYPTION_KEY from configuration, no base32 left.
      expect(sealed).not.toContain(totpSecret);
      expect(sealed).not.toMatch(/^[A-Z2-7]+=*$/);
      expect(new SecretBox(t.config.auth.totpKey!).open(sealed)).toBe(totpSecret);
      // Nothing handled above is stored as it was: tokens, codes and passwords only as hashes.
      const db = t.app.get(DataSource);
      const tables: { name: string }[] = await db.query(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      let dump = '';
      for (const { name } of tables) {
        const [row] = await db.query(`SELECT string_agg(t::text, E'\\n') AS rows FROM "${name}" t`);
        dump += row.rows ?? '';
      }
      expect(dump).toContain(userId);
      const stored = secrets.filter((s) => s !== t.config.auth.jwtSecret && dump.includes(s));
      expect(stored).toEqual([]);
    });
  });

  describe('limits', () => {
    it('refuses an upload past the PDF limit with 413 problem details, before anything is read into a service', async () => {
      const user = await flow.signedInUser({ profile: 'MEMBER' });
      const res = await t
        .http()
        .post('/api/v1/processes/7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f/documents/upload')
        .auth(user.token, { type: 'bearer' })
        .field('typeCode', 'OFICIO')
        .field('title', 'Grande demais')
        .attach('file', Buffer.alloc(MAX_PDF_BYTES + 1, 0x25), {
          filename: 'grande.pdf',
          contentType: 'application/pdf',
        });
      problem(res, 413);
    });
  });

  describe('client addresses (TRUST_PROXY)', () => {
    /** Three failed logins as seen from `forwardedFor` addresses, on an app whose /auth allows two a minute. */
    const threeLogins = async (env: NodeJS.ProcessEnv, forwardedFor: string[]) => {
      const app = await t.boot({
        AUTH_RATE_LIMIT_PER_MINUTE: '2',
        QUEUE_PREFIX: `trust-${randomUUID().slice(0, 8)}`,
        ...env,
      });
      const statuses: number[] = [];
      for (const address of forwardedFor) {
        const res = await request(app.getHttpServer())
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', address)
          .send({ username: `ninguem-${address}`, password: 'senha-errada-123' });
        statuses.push(res.status);
      }
      const logged = await t.dataSource.query<{ ip: string }[]>(
        `SELECT ip FROM security_events WHERE kind = 'LOGIN_FAILED' AND details->>'username' = ANY($1)`,
        [forwardedFor.map((a) => `ninguem-${a}`)],
      );
      return { statuses, ips: logged.map((r) => r.ip) };
    };

    it('by default believes X-Forwarded-For from the loopback proxy only: the address it names is the client', async () => {
      const seen = await threeLogins({}, ['203.0.113.10', '203.0.113.10', '203.0.113.11']);
      // The third comes from another client: its own limit, not the first one's.
      expect(seen.statuses).toEqual([401, 401, 401]);
      expect(seen.ips.sort()).toEqual(['203.0.113.10', '203.0.113.10', '203.0.113.11']);
    });

    it('with TRUST_PROXY=false a forged X-Forwarded-For changes nothing: limits and logs see the socket', async () => {
      const seen = await threeLogins({ TRUST_PROXY: 'false' }, ['198.51.100.1', '198.51.100.2', '198.51.100.3']);
      expect(seen.statuses).toEqual([401, 401, 429]);
      expect(seen.ips).toHaveLength(2);
      for (const ip of seen.ips) expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    });
  });

  describe('outbound SMTP', () => {
    it('gives up on a mail server that never answers within its timeout: 503 problem details, not a hung request', async () => {
      const sockets: Socket[] = [];
      const silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as AddressInfo).port;
      try {
        // The timeouts of production (10 s, see SMTP_TIMEOUTS) shortened through SMTP_URL's query.
        const app = await t.boot({ SMTP_URL: `smtp://127.0.0.1:${port}?greetingTimeout=500&connectionTimeout=500` });
        const http = () => request(app.getHttpServer());
        const user = await createUser(t, { profile: 'MEMBER' });
        const login = await http()
          .post('/api/v1/auth/login')
          .send({ username: user.username, password: user.password });
        const token = login.body.enrollmentToken as string;
        const { body } = await http().post('/api/v1/auth/totp/enrollment').auth(token, { type: 'bearer' }).expect(200);
        const started = Date.now();
        const res = await http()
          .post('/api/v1/auth/totp/enrollment/confirm')
          .auth(token, { type: 'bearer' })
          .send({ code: flow.code(body.secret), email: user.email });
        expect(Date.now() - started).toBeLessThan(5_000);
        problem(res, 503);
        expect(res.body.type).toBe('urn:acervo:problem:mail-unavailable');
        expect(sockets.length).toBeGreaterThan(0);
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });
});
