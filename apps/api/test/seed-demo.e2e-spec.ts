import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assignmentProblems, type AssignmentDraft, MEMBER_PROFILES, PROFILES, templateProblems } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './support/test-app';

const SEED = join(__dirname, '../dist/cli/seed-demo.js');
const run = promisify(execFile);

describe('pnpm seed:demo', () => {
  let t: TestApp;
  const db = () => t.app.get(DataSource);
  const counts = async () =>
    (
      await db().query(`SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM users) AS users,
        (SELECT count(*) FROM assignments) AS assignments, (SELECT count(*) FROM user_groups) AS groups,
        (SELECT count(*) FROM distribution_group_members) AS drawn, (SELECT count(*) FROM holidays) AS holidays, (SELECT count(*) FROM processes) AS processes, (SELECT count(*) FROM audit_records) AS audit`)
    )[0];
  /** The built command, as `pnpm seed:demo` runs it, on the test app's database. */
  const seed = (env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [SEED], { env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'development', ...env } });

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('builds an office with one user of every profile, whose printed password signs in', async () => {
    const { stdout } = await seed();
    const password = /senha de todos: (\S+)\)/.exec(stdout)?.[1];
    expect(password).toHaveLength(12);

    const profiles = await db().query(`SELECT DISTINCT profile FROM assignments`);
    expect(profiles.map((p: { profile: string }) => p.profile).sort()).toEqual([...PROFILES].sort());

    const holidays = await db().query(`SELECT count(*)::int AS n FROM holidays WHERE name = 'Natal'`);
    expect(holidays[0].n).toBe(2);
    expect(stdout).toMatch(/Processos registrados: 300/);
    const [history] = await db().query(
      `SELECT (SELECT count(*) FROM process_events)::int AS events, (SELECT count(*) FROM process_custody)::int AS custody,
              (SELECT last_value FROM process_number_sequences WHERE unit_code = '058') AS last`,
    );
    expect(history).toEqual({ events: 300, custody: 300, last: 150 });
    const [deadlines] = await db().query(
      `SELECT (SELECT count(*) FROM processes WHERE location <> 'ARCHIVED')::int AS open,
              (SELECT count(*) FROM deadlines WHERE kind = 'LEGAL')::int AS legal,
              (SELECT count(*) FROM deadlines WHERE kind = 'INTERNAL' AND due_at < now())::int AS expired,
              (SELECT count(*) FROM processes WHERE waiting_until > now())::int AS waiting`,
    );
    expect(deadlines.legal).toBe(deadlines.open);
    expect(deadlines.expired).toBeGreaterThan(0);
    expect(deadlines.waiting).toBeGreaterThan(0);

    // The demo's templates are valid bodies of the homologated tags.
    const templates = await db().query(
      `SELECT v.body FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = t.current_version`,
    );
    expect(templates).toHaveLength(2);
    for (const { body } of templates) expect(templateProblems(body)).toEqual([]);

    const login = await t.http().post('/api/v1/auth/login').send({ username: 'Analista', password }).expect(200);
    expect(login.body.status).toBe('enrollment_required');
  });

  it('keeps its own rules: analysts and assistants linked to a member of their unit', async () => {
    const rows = await db().query(
      `SELECT user_id AS "userId", unit_id AS "unitId", profile, secretaria, linked_member_id AS "linkedMemberId"
         FROM assignments`,
    );
    const drafts = rows as (AssignmentDraft & { userId: string })[];
    const problems = assignmentProblems(drafts, {
      unitExists: () => true,
      isMemberOf: (userId, unitId) =>
        drafts.some((d) => d.userId === userId && d.unitId === unitId && MEMBER_PROFILES.includes(d.profile)),
    });
    // Each user's assignments are one draft list; the check above only needs the links.
    expect(problems.filter((p) => p.field.endsWith('linkedMemberId'))).toEqual([]);
  });

  it('adds nothing when run again, and says the users already existed', async () => {
    const before = await counts();
    const { stdout } = await seed();
    expect(stdout).not.toMatch(/senha de todos/);
    expect(stdout).toMatch(/já existiam/);
    expect(await counts()).toEqual(before);
  });

  it('is refused in production', async () => {
    await expect(seed({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).rejects.toMatchObject({
      stderr: expect.stringMatching(/refused when NODE_ENV=production/),
    });
  });
});
