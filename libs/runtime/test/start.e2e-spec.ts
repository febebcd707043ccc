import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, parseMail } from '@acervo/testing';
import * as speakeasy from 'speakeasy';
import { freePort } from '../src/free-port';

const ROOT = join(__dirname, '../../..');
const BUILT = [
  'libs/runtime/dist/cli/start.js',
  'apps/api/dist/main.js',
  'apps/worker/dist/main.js',
  'apps/web/dist/index.html',
];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `pnpm start` as a user runs it (the built launcher), on an empty or reused DATA_DIR. */
function start(dataDir: string, port: number): Started {
  let output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'WEB_DIR', 'BOOTSTRAP_ADMIN_PASSWORD']) delete env[name];
  const child = spawn(process.execPath, [join(ROOT, BUILT[0])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(base: string, started: Started, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`launcher exited:\n${started.output()}`);
    try {
      const res = await fetch(`${base}/health`);
      const body = (await res.json()) as Record<string, { status: string }>;
      if (res.status === 200 && body.worker.status === 'up') return body;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not healthy in ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every process below `pid` (children's children too). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const walk = (p: number) => {
    const tasks = `/proc/${p}/task`;
    if (!existsSync(tasks)) return;
    for (const line of readFileSync(`${tasks}/${p}/children`, 'utf8').split(' ').filter(Boolean)) {
      found.push(Number(line));
      walk(Number(line));
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

describe('pnpm start', () => {
  let dataDir: string;

  beforeAll(async () => {
    const missing = BUILT.filter((f) => !existsSync(join(ROOT, f)));
    if (missing.length) throw new Error(`build first (pnpm build); missing: ${missing.join(', ')}`);
    dataDir = await mkdtemp(join(ROOT, '.test-data/start-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('runs API, SPA, worker, PostgreSQL and Redis on one port, stops cleanly, and keeps its data', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = start(dataDir, port);
    try {
      const health = await waitForHealth(base, first);
      expect(health).toMatchObject({
        status: 'ok',
        db: { status: 'up' },
        redis: { status: 'up' },
        worker: { status: 'up', mode: 'queue' },
      });

      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<div id="app">');

      const docs = (await (await fetch(`${base}/api/docs-json`)).json()) as { openapi: string };
      expect(docs.openapi).toMatch(/^3\./);

      const malformed = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"username":',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);

      const printed = /bootstrap administrator \\?"admin\\?" created with password (\S+) /.exec(first.output());
      expect(printed).not.toBeNull();
      await expectStatusPageInBrowser(base);
      await expectDefaultAdministratorReachesTheInbox(base, join(dataDir, 'mail'), printed![1], first.output);
    } finally {
      const children = descendants(first.child.pid!);
      first.child.kill('SIGINT');
      // 128 + signal number: the shell's convention for "stopped by Ctrl-C", after cleaning up.
      expect(await first.exited).toBe(130);
      expect(children.length).toBeGreaterThanOrEqual(4); // postgres, redis-server, api, worker
      expect(children.filter(alive)).toEqual([]);
    }

    const second = start(dataDir, port);
    try {
      await waitForHealth(base, second);
      expect(second.output()).not.toMatch(/bootstrap administrator/);
      expect(second.output()).not.toMatch(/migrations applied/);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(143);
    }
  });
});

/** The built SPA, in a real browser, in Portuguese: `/` asks to sign in; the status page needs no session. */
async function expectStatusPageInBrowser(base: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Entrar no Acervo' }).waitFor();
    await page.goto(`${base}/sistema`);
    await page.getByRole('heading', { name: 'Situação do sistema' }).waitFor();
    await page.getByText('em funcionamento').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
  } finally {
    await browser.close();
  }
}

/**
 * The default administrator's first sign-in, as the README tells a newcomer to do it: the
 * printed password, 2FA enrolled with the default e-mail (`admin@localhost`), the
 * activation link read from the .eml the mail folder holds, then the inbox.
 */
async function expectDefaultAdministratorReachesTheInbox(
  base: string,
  mailDir: string,
  password: string,
  log: () => string,
) {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, string> };
  };
  const code = (secret: string, steps = 0) =>
    speakeasy.totp({ secret, encoding: 'base32', time: Math.floor(Date.now() / 1000) + steps * 30 });

  const login = await post('/auth/login', { username: 'admin', password });
  expect(login).toMatchObject({ status: 200, body: { status: 'enrollment_required' } });
  const { secret } = (await post('/auth/totp/enrollment', {}, login.body.enrollmentToken)).body;
  const confirmed = await post(
    '/auth/totp/enrollment/confirm',
    { code: code(secret), email: 'admin@localhost' },
    login.body.enrollmentToken,
  );
  expect(confirmed.status).toBe(202);

  const [eml] = (await readdir(mailDir)).filter((f) => f.endsWith('.eml'));
  const mail = await parseMail(await readFile(join(mailDir, eml)));
  expect(mail.to).toEqual(['admin@localhost']);
  const link = /#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  // The log names the file; the token stays in the mail.
  expect(log()).toContain(`mail to admin@localhost written to ${join(mailDir, eml)}`);
  expect(log()).not.toContain(link![1]);
  expect((await post('/auth/totp/activate', { token: link![1] })).status).toBe(200);

  const challenge = await post('/auth/login', { username: 'admin', password });
  expect(challenge).toMatchObject({ status: 200, body: { status: 'totp_required' } });
  // The next step's code, which the server accepts (±1 step) and has not seen: a code is used once.
  const session = await post('/auth/totp/verify', {
    challengeToken: challenge.body.challengeToken,
    code: code(secret, 1),
  });
  expect(session.status).toBe(200);
  const inbox = await fetch(`${base}/api/v1/boxes/inbox`, {
    headers: { Authorization: `Bearer ${session.body.accessToken}` },
  });
  expect(inbox.status).toBe(200);
}
