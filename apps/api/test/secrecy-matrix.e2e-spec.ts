import { type Profile, PROFILES } from '@acervo/domain';
import { DataSource } from 'typeorm';
import { AuthFlow } from './support/auth-flow';
import { createUnit } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The secrecy matrix (DOMAIN §4): every level × every profile × in the unit / another unit
 * / responsible member × no rule / permission / denial (to the user, or through a group)
 * × every read path, against the expected outcome written out here from DOMAIN's table —
 * independently of the policy module. Zero leaks, and nothing visible goes missing.
 *
 * Template rendering and RAF export are read paths of later issues; they reuse the same
 * predicates and join this matrix when they land.
 */

type Rule = 'NONE' | 'USER_ALLOW' | 'USER_DENY' | 'GROUP_ALLOW' | 'GROUP_DENY';
const RULES: Rule[] = ['NONE', 'USER_ALLOW', 'USER_DENY', 'GROUP_ALLOW', 'GROUP_DENY'];
const LEVELS = [0, 1, 2, 3, 4, 5] as const;

/** DOMAIN §4.1, "unit users within their cap": the highest level each profile reads in its unit. */
const UNIT_READS_UP_TO: Record<Profile, number> = {
  CHIEF: 5, // level 5 still needs the responsible member (below)
  MEMBER: 5,
  ON_DUTY: 5,
  MANAGER: 4,
  INSPECTOR: 4,
  ANALYST: 2,
  ASSISTANT: 1,
  INTERN: 1,
  PROTOCOL: 0,
  ADMIN: 0,
};

interface MatrixViewer {
  id: string;
  username: string;
  token: string;
  profile: Profile;
  home: boolean;
}

interface MatrixProcess {
  id: string;
  number: string;
  level: number;
  rule: Rule;
  responsibleId: string;
  documentId: string;
}

/** The oracle: DOMAIN §4.1 and §4.3, spelled out. */
function expectedFull(v: MatrixViewer, p: MatrixProcess): boolean {
  if (p.rule === 'USER_DENY' || p.rule === 'GROUP_DENY') return false;
  if (p.rule === 'USER_ALLOW' || p.rule === 'GROUP_ALLOW') return true;
  if (p.level === 0) return true;
  if (p.level === 5) return p.responsibleId === v.id;
  return v.home && UNIT_READS_UP_TO[v.profile] >= p.level;
}

describe('secrecy matrix: levels × profiles × relations × rules × read paths', () => {
  let t: TestApp;
  let db: DataSource;
  let home: { id: string };
  const viewers: MatrixViewer[] = [];
  const processes: MatrixProcess[] = [];
  const WORD = 'matrizsigilo';
  let cases = 0;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  /** Every id of a paged listing, following its cursor, with the total of its first page. */
  const allPages = async (token: string, path: string) => {
    const ids: string[] = [];
    let total: number | undefined;
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null; total?: number } } = await as(token)
        .get(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .expect(200);
      total ??= res.body.total;
      ids.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return { ids, total };
  };
  /** Runs `work` over `items`, a few at a time: the app's pool, not one request after another. */
  const inBatches = async <T>(items: T[], work: (item: T) => Promise<void>) => {
    for (let i = 0; i < items.length; i += 8) await Promise.all(items.slice(i, i + 8).map(work));
  };

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    db = t.app.get(DataSource);
    const flow = new AuthFlow(t);
    home = await createUnit(t);
    const away = await createUnit(t);
    const registrar = await flow.signedInUser({ profile: 'CHIEF', unitId: home.id, secretaria: true });
    const signed = async (profile: Profile, unitId: string | null) => {
      const linked = profile === 'ANALYST' || profile === 'ASSISTANT' ? registrar.id : null;
      const u = await flow.signedInUser({ profile, unitId, linkedMemberId: linked });
      const viewer = { id: u.id, username: u.username, token: u.token, profile, home: unitId === home.id };
      viewers.push(viewer);
      return viewer;
    };
    for (const profile of PROFILES) {
      if (profile === 'ADMIN') await signed(profile, null);
      else for (const unitId of [home.id, away.id]) await signed(profile, unitId);
    }
    // A second member of each kind in the unit, responsible for its own set of processes.
    const responsibles = [
      await signed('MEMBER', home.id),
      await signed('CHIEF', home.id),
      await signed('ON_DUTY', home.id),
    ];

    const [{ id: groupId }] = await db.query(
      `INSERT INTO user_groups (name, unit_id, version) VALUES ('Matriz', $1, 1) RETURNING id`,
      [home.id],
    );
    for (const v of viewers) {
      await db.query(`INSERT INTO user_group_members (group_id, user_id) VALUES ($1, $2)`, [groupId, v.id]);
    }

    const owners = [{ id: registrar.id, token: registrar.token }, ...responsibles];
    for (const owner of owners) {
      for (const level of LEVELS) {
        for (const rule of RULES) {
          const created = await as(registrar.token)
            .post('/processes', {
              unitId: home.id,
              classCode: 'NF',
              subjectCode: '10011',
              summary: `Caso ${WORD} nível ${level}`,
              secrecyLevel: level,
              responsibleMemberId: owner.id,
              parties: [{ name: 'Pessoa Protegida', type: 'Vítima', secret: true }],
            })
            .expect(201);
          // The one who grants: members of the unit; on level 5 only the responsible member.
          const grantor = level === 5 ? owner.token : registrar.token;
          const doc = await as(grantor)
            .post(`/processes/${created.body.id}/documents`, {
              typeCode: 'DESPACHO',
              title: 'Despacho',
              content: '<p>x</p>',
            })
            .expect(201);
          const p: MatrixProcess = {
            id: created.body.id,
            number: created.body.number,
            level,
            rule,
            responsibleId: owner.id,
            documentId: doc.body.id,
          };
          processes.push(p);
          if (rule === 'NONE') continue;
          const effect = rule.endsWith('ALLOW') ? 'ALLOW' : 'DENY';
          const targets = rule.startsWith('GROUP')
            ? [{ subjectType: 'GROUP', subjectId: groupId }]
            : viewers.map((v) => ({ subjectType: 'USER', subjectId: v.id }));
          // Rules the API refuses — a denial of its own grantor would orphan a level-5
          // process — can still exist (written here directly, last) and must still win.
          const direct: typeof targets = [];
          for (const target of targets) {
            const coversOwner =
              target.subjectType === 'GROUP' ? viewers.some((v) => v.id === owner.id) : target.subjectId === owner.id;
            const shutsOutGrantor = effect === 'DENY' && level === 5 && coversOwner;
            if (shutsOutGrantor) direct.push(target);
            else
              await as(grantor)
                .post(`/processes/${p.id}/permissions`, { ...target, effect })
                .expect(201);
          }
          for (const target of direct) {
            await db.query(
              `INSERT INTO access_rules (process_id, user_id, group_id, effect, granted_by, granted_at)
               VALUES ($1, $2, $3, 'DENY', $4, now())`,
              [
                p.id,
                target.subjectType === 'USER' ? target.subjectId : null,
                target.subjectType === 'GROUP' ? target.subjectId : null,
                registrar.id,
              ],
            );
          }
        }
      }
    }
  }, 600_000);

  afterAll(() => t.close());

  it('detail, events, documents, download and lookup by number answer exactly per the table', async () => {
    const pairs = viewers.flatMap((v) => processes.map((p) => ({ v, p })));
    await inBatches(pairs, async ({ v, p }) => {
      const full = expectedFull(v, p);
      const label = `${v.profile}${v.home ? '@unit' : '@other'}${p.responsibleId === v.id ? '+responsible' : ''} level ${p.level} ${p.rule}`;
      const detail = await as(v.token).get(`/processes/${p.id}`);
      const events = await as(v.token).get(`/processes/${p.id}/events`);
      const documents = await as(v.token).get(`/processes/${p.id}/documents`);
      const download = await as(v.token).get(`/documents/${p.documentId}/content`);
      const byNumber = await as(v.token).get(`/processes?number=${p.number}`);
      const expectedByNumber = full ? ['full'] : p.level <= 1 ? ['details'] : [];
      expect({
        label,
        detail: detail.status,
        events: events.status,
        documents: documents.status,
        listedDocuments: documents.body.items?.map((d: { id: string }) => d.id) ?? [],
        download: download.status,
        byNumber: byNumber.body.items.map((i: { visibility: string }) => i.visibility),
        partiesByNumber: byNumber.body.items.flatMap((i: { parties?: unknown[] }) => i.parties ?? []).length,
      }).toEqual({
        label,
        detail: full ? 200 : 404,
        events: full ? 200 : 404,
        documents: full ? 200 : 404,
        listedDocuments: full ? [p.documentId] : [],
        download: full ? 200 : 404,
        byNumber: expectedByNumber,
        partiesByNumber: full ? 1 : 0,
      });
      cases += 5;
    });
  }, 600_000);

  it('box listings, box counts and search list exactly the visible processes', async () => {
    await inBatches(viewers, async (v) => {
      const visible = processes
        .filter((p) => expectedFull(v, p))
        .map((p) => p.id)
        .sort();
      const inUnit = v.home ? visible : [];

      const box = await allPages(v.token, '/boxes/secretaria?limit=100');
      expect({ viewer: v.username, listed: box.ids.sort(), total: box.total }).toEqual({
        viewer: v.username,
        listed: inUnit,
        total: inUnit.length,
      });

      const counts = await as(v.token).get('/boxes').expect(200);
      const secretaria = counts.body.find((c: { box: string }) => c.box === 'secretaria');
      expect({ viewer: v.username, count: secretaria.count }).toEqual({ viewer: v.username, count: inUnit.length });

      const search = await allPages(v.token, `/processes?q=${WORD}&limit=100`);
      expect({ viewer: v.username, found: search.ids.sort() }).toEqual({ viewer: v.username, found: visible });
      // Listing, count and search decide every process once each.
      cases += 3 * processes.length;
    });
  }, 600_000);

  it('public consultation answers by level alone, and level 5 exactly as an unknown number', async () => {
    const unknown = await t.http().get(`/api/v1/public/processes/${processes[0].number.split('.')[0]}.1999.999999`);
    await inBatches(processes, async (p) => {
      const res = await t.http().get(`/api/v1/public/processes/${p.number}`);
      const expected = p.level === 0 ? 200 : p.level === 5 ? 404 : 403;
      expect({ number: p.number, status: res.status }).toEqual({ number: p.number, status: expected });
      if (p.level === 5) expect(res.body.title).toBe(unknown.body.title);
      if (p.level === 0) expect(res.body.parties).toEqual([{ name: 'Parte sigilosa', type: 'Vítima' }]);
      cases += 1;
    });
  });

  afterAll(() => {
    // Reported in the CI log: how many (viewer, process, read path) decisions were checked.
    process.stdout.write(
      `secrecy matrix: ${viewers.length} viewers × ${processes.length} processes → ${cases} cases checked\n`,
    );
  });
});
