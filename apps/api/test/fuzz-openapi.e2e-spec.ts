import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit, createUser } from './support/factories';
import {
  type FuzzCase,
  type OpenApiDocument,
  OpenApiFuzzer,
  type Operation,
  operationsOf,
} from './support/openapi-fuzz';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Issue 14, item 4: every operation of docs/openapi.json called with bad input — malformed,
 * wrong-typed, missing, unknown and oversized fields, lists for scalars and back, odd
 * query strings, broken path parameters, NUL bytes, hostile text where a format is due —
 * as a signed-in user of the profile the route asks for (acting on real entities at their
 * current version, so nothing stops short at a 404 or a stale-version 409), then
 * anonymously and with forged tokens. Never a 5xx; every 4xx is problem details; every
 * such request is refused and, over the whole pass, nothing is written. A second pass puts
 * hostile but well-formed text (bidi, emoji, combining marks, SQL, HTML) in the free-text
 * fields, where it may be stored: there, no 5xx. The seed is fixed, so CI replays the same
 * requests; FUZZ_SEED explores others (FUZZ_MAX lifts the bound per operation).
 *
 * Nothing is skipped. The streaming routes (whole-process PDF/HTML, document content, RAF
 * XML, the CSV report) take path and query parameters only, and every case here breaks
 * one of them, so they are refused before a byte is streamed; the uploads are fuzzed as
 * multipart.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 1414);
/** Keeps the run within ~2 minutes on a 2-core machine; most operations have fewer cases. */
const MAX_CASES_PER_OPERATION = Number(process.env.FUZZ_MAX ?? 100);
const CONCURRENCY = 4;

/**
 * Left out of the "nothing written" checksum, and why: they record refusals by design.
 * access_log — every attempt on sealed content, allowed or not (DOMAIN §2);
 * security_events — failed sign-ins and refused links; ip_login_failures — the per-address
 * sign-in throttle counts failures; worker_heartbeats — liveness, not data.
 */
const LOGS_OF_REFUSALS = ['access_log', 'security_events', 'ip_login_failures', 'worker_heartbeats'];

const LOGOUT = 'POST /api/v1/auth/logout';

/** Fields whose contract takes rich text past 100 kB (documents, up to 2 MB): oversized text there is valid. */
const LARGE_TEXT_FIELDS = new Set(['content']);

interface Outcome {
  c: FuzzCase;
  status: number;
  problem: string | undefined;
}

describe('fuzzing every operation of docs/openapi.json', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')) as OpenApiDocument;
  const operations = operationsOf(doc);
  let t: TestApp;
  let fuzzer: OpenApiFuzzer;
  let tokenFor: (op: Operation) => string;
  /** Answers counted by pass, then by status: the figures docs/reliability.md quotes. */
  const tally = new Map<string, Map<number, number>>();
  let sessions: string[];
  let forgedTokens: string[];

  const send = async (pass: string, c: FuzzCase, token?: string): Promise<Outcome> => {
    let req = t.http()[c.method as 'get'](c.url);
    if (token) req = req.auth(token, { type: 'bearer' });
    if (c.body) req = req.set('Content-Type', c.body.contentType).send(c.body.text);
    if (c.multipart) {
      for (const [key, value] of c.multipart.fields) req = req.field(key, value);
      const file = c.multipart.file;
      if (file) req = req.attach('file', file.content, { filename: 'peca.pdf', contentType: file.type });
    }
    const res = await req;
    const statuses = tally.get(pass) ?? tally.set(pass, new Map()).get(pass)!;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return { c, status: res.status, problem: problemDefect(res) };
  };

  /** Runs the cases a few at a time; returns the ones whose answer broke the rules. */
  const run = async (pass: string, cases: FuzzCase[], token?: string): Promise<string[]> => {
    const failures: string[] = [];
    for (let i = 0; i < cases.length; i += CONCURRENCY) {
      const outcomes = await Promise.all(cases.slice(i, i + CONCURRENCY).map((c) => send(pass, c, token)));
      for (const { c, status, problem } of outcomes) {
        const where = `${c.method.toUpperCase()} ${c.url.slice(0, 120)} [${c.label}] → ${status}`;
        if (status >= 500) failures.push(`${where}: server error`);
        else if (problem) failures.push(`${where}: ${problem}`);
        else if (c.refused && status < 400) failures.push(`${where}: accepted`);
      }
    }
    return failures;
  };

  /** At most `max` of the cases, the same ones on every run of a seed. */
  const bounded = (cases: FuzzCase[], max = MAX_CASES_PER_OPERATION): FuzzCase[] =>
    cases.length <= max
      ? cases
      : fc.sample(fc.shuffledSubarray(cases, { minLength: max, maxLength: max }), { seed: SEED, numRuns: 1 })[0];

  const checksum = async (): Promise<Record<string, string>> => {
    const db = t.app.get(DataSource);
    const tables: { name: string }[] = await db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY 1`,
      [LOGS_OF_REFUSALS],
    );
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await db.query(
        `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM "${name}" t`,
      );
      sums[name] = row.sum;
    }
    return sums;
  };

  beforeAll(async () => {
    // The sign-in routes are fuzzed too: lift their per-address rate limit for this run.
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, resolve));
    const flow = new AuthFlow(t);
    const unit = await createUnit(t);
    const admin = await flow.signedInUser({ profile: 'ADMIN' });
    const chief = await flow.signedInUser({ profile: 'CHIEF', unitId: unit.id });
    const manager = await flow.signedInUser({ profile: 'MANAGER', unitId: unit.id, secretaria: true });
    const inspector = await flow.signedInUser({ profile: 'INSPECTOR', unitId: unit.id });
    const member = await createUser(t, { profile: 'MEMBER', unitId: unit.id });
    const clerk = await flow.signedInUser({
      profile: 'ANALYST',
      unitId: unit.id,
      secretaria: true,
      linkedMemberId: chief.id,
    });
    const byProfile: Record<string, string> = {
      ADMIN: admin.token,
      CHIEF: chief.token,
      MANAGER: manager.token,
      INSPECTOR: inspector.token,
    };
    // Signing out gets a session of its own: one accepted by mistake must not end the others.
    const spare = await flow.signIn(chief.username, chief.password, chief.secret);
    // The route's own profile; otherwise the unit's CHIEF, who may act on its processes.
    tokenFor = (op) =>
      op.id === LOGOUT ? spare.accessToken : (op.profiles.map((p) => byProfile[p]).find(Boolean) ?? chief.token);
    sessions = [admin.token, chief.token, manager.token, inspector.token];
    forgedTokens = forgeries(chief.token);

    const post = async (token: string, path: string, body: object) => {
      const res = await t.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
      if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const processBody = {
      unitId: unit.id,
      classCode: 'NF',
      subjectCode: '10011',
      summary: 'Merenda escolar',
      parties: [],
    };
    const proc = await post(chief.token, '/processes', processBody);
    const document = await post(chief.token, `/processes/${proc.id}/documents`, {
      typeCode: 'DESPACHO',
      title: 'Despacho',
      content: '<p>Vistos.</p>',
    });
    // Concluded by the Secretaria to the chief, who then holds it and may set its deadlines.
    await post(clerk.token, `/processes/${proc.id}/conclude`, { version: proc.version, userId: chief.id });
    const deadline = await post(chief.token, `/processes/${proc.id}/deadlines`, { description: 'Resposta', days: 10 });
    const template = await post(chief.token, '/templates', { name: 'Modelo', body: '<p>Vistos.</p>', unitId: unit.id });
    const group = await post(admin.token, '/groups', { name: 'Assessoria', unitId: unit.id, memberIds: [] });
    const dgroup = await post(chief.token, '/distribution-groups', {
      name: 'Cível',
      unitId: unit.id,
      members: [{ userId: member.id }],
    });
    const attendance = await post(clerk.token, '/attendances', {
      unitId: unit.id,
      personName: 'Maria das Dores',
      personCpf: '529.982.247-25',
      subjectCode: '10011',
      account: 'A escola está sem merenda.',
    });
    const db = t.app.get(DataSource);
    const [movement] = await db.query(`SELECT code FROM movement_types ORDER BY code LIMIT 1`);
    const versions: Record<string, number> = {};
    for (const [resource, sql, key] of [
      ['processes', 'SELECT version FROM processes WHERE id = $1', proc.id],
      ['documents', 'SELECT version FROM documents WHERE id = $1', document.id],
      ['deadlines', 'SELECT version FROM deadlines WHERE id = $1', deadline.id],
      ['attendances', 'SELECT version FROM attendances WHERE id = $1', attendance.id],
      ['units', 'SELECT version FROM units WHERE id = $1', unit.id],
      ['users', 'SELECT version FROM users WHERE id = $1', member.id],
      ['groups', 'SELECT version FROM user_groups WHERE id = $1', group.id],
      ['distribution-groups', 'SELECT version FROM distribution_groups WHERE id = $1', dgroup.id],
      ['templates', 'SELECT max(version) AS version FROM template_versions WHERE template_id = $1', template.id],
      ['classes', 'SELECT version FROM classes WHERE code = $1', 'NF'],
      ['subjects', 'SELECT version FROM subjects WHERE code = $1', '10011'],
      ['document-types', 'SELECT version FROM document_types WHERE code = $1', 'DESPACHO'],
      ['movement-types', 'SELECT version FROM movement_types WHERE code = $1', movement.code],
    ]) {
      versions[resource] = (await db.query(sql, [key]))[0].version;
    }
    const [settings] = await db.query(`SELECT version FROM institution_settings`);
    if (settings) versions['institution-settings'] = settings.version;

    fuzzer = new OpenApiFuzzer(
      doc,
      SEED,
      {
        fields: {
          unitId: unit.id,
          processId: proc.id,
          processIds: [proc.id],
          userId: member.id,
          memberId: member.id,
          memberIds: [member.id],
          documentIds: [document.id],
          templateId: template.id,
          classCode: 'NF',
          subjectCode: '10011',
          typeCode: 'DESPACHO',
          version: 1,
        },
        pathParams: {
          'units/id': unit.id,
          'users/id': member.id,
          'groups/id': group.id,
          'distribution-groups/id': dgroup.id,
          'processes/id': proc.id,
          'processes/number': proc.number,
          'documents/id': document.id,
          'deadlines/id': deadline.id,
          'templates/id': template.id,
          'attendances/id': attendance.id,
          'attendances/protocol': attendance.protocol,
          'classes/code': 'NF',
          'subjects/code': '10011',
          'document-types/code': 'DESPACHO',
          'movement-types/code': movement.code,
          box: 'inbox',
        },
        versions,
      },
      LARGE_TEXT_FIELDS,
    );
  });

  afterAll(async () => {
    const count = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const lines = [...tally].map(([pass, m]) => {
      const byStatus = [...m].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
      return `  ${pass}: ${count(m)} (${byStatus.join(', ')})`;
    });
    const total = [...tally.values()].reduce((sum, m) => sum + count(m), 0);
    process.stdout.write(
      `fuzz-openapi: ${total} requests over ${operations.length} operations (seed ${SEED})\n${lines.join('\n')}\n`,
    );
    await t?.close();
  });

  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('refuses bad input to every operation with problem details, and writes nothing', async () => {
    const before = await checksum();
    const failures: string[] = [];
    for (const op of operations) {
      const cases = bounded(fuzzer.badInput(op));
      if (op.authenticated) {
        failures.push(...(await run('bad input, signed in', cases, tokenFor(op))));
        // Anonymous, or with a forged token: the same defects stop at authentication (or
        // earlier, at the body parser).
        for (const token of [undefined, ...forgedTokens]) {
          failures.push(...(await run('bad input, anonymous or forged token', bounded(cases, 4), token)));
        }
      } else {
        failures.push(...(await run('bad input, public routes', cases)));
      }
    }
    expect(failures).toEqual([]);
    expect(await checksum()).toEqual(before);
    // Else every case after a lost session would have passed as a mere 401.
    for (const token of sessions) await t.http().get('/api/v1/me').auth(token, { type: 'bearer' }).expect(200);
  }, 300_000);

  it('answers hostile text in free-text fields without a server error', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      // Signing out is the one request that ends the session the other cases use.
      if (op.id === LOGOUT) continue;
      const cases = bounded(fuzzer.hostileText(op), 20);
      failures.push(...(await run('hostile text', cases, op.authenticated ? tokenFor(op) : undefined)));
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

/** The claims of a real access token, unsigned (alg "none") and signed with another secret. */
function forgeries(token: string): string[] {
  const [, payload] = token.split('.');
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const none = `${part({ alg: 'none', typ: 'JWT' })}.${payload}.`;
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${payload}`;
  const signature = createHmac('sha256', 'not-the-secret-of-this-installation-0123456789')
    .update(head)
    .digest('base64url');
  return [none, `${head}.${signature}`];
}

/** What is wrong with an error response, if anything: RFC 9457 problem details with type, title and status. */
function problemDefect(res: { status: number; headers: Record<string, string>; body: unknown }): string | undefined {
  if (res.status < 400) return undefined;
  if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) {
    return `content type ${res.headers['content-type']}`;
  }
  const body = res.body as { type?: unknown; title?: unknown; status?: unknown };
  if (typeof body.type !== 'string' || typeof body.title !== 'string' || body.status !== res.status) {
    return `not problem details: ${JSON.stringify(body).slice(0, 200)}`;
  }
  return undefined;
}
