import {
  type AccessRule,
  type Box,
  documentAccess,
  type GuardedDocument,
  type GuardedProcess,
  type Location,
  LOCATIONS,
  type Profile,
  PROFILES,
  processVisibility,
  type SecrecyLevel,
  type Viewer,
} from '@acervo/domain';
import { createTestDatabase, type TestDatabase } from '@acervo/testing';
import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BoxCountsStore,
  createDataSource,
  documentVisibleSql,
  preparedQuery,
  standaloneDocumentVisibleSql,
  talliedTotalSql,
  visibilityByNumberSql,
  type ViewerSql,
} from '../src';

/**
 * The two faces of the secrecy policy — the in-memory decision (libs/domain) and the SQL
 * predicates every query joins (libs/persistence) — give the same answer on random
 * populations: users with any assignments and groups, processes and documents at any
 * level, permissions and denials to users and groups, some expired.
 */

const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const VIEWER: ViewerSql = { user: '$1', now: '$2' };

interface Population {
  users: { assignments: { unit: number; profile: Profile; secretaria: boolean }[]; groups: number[] }[];
  processes: ({ unit: number; level: SecrecyLevel; responsible: number | null } & Placement)[];
  /** Moves made after the population is written (the box tallies' UPDATE path). */
  moves: ({ process: number; level: SecrecyLevel } & Placement)[];
  documents: { process: number | null; unit: number; raise: number }[];
  rules: {
    on: 'process' | 'document';
    target: number;
    subject: 'USER' | 'GROUP';
    who: number;
    effect: 'ALLOW' | 'DENY';
    expiresInHours: number | null;
    levelShift: number;
  }[];
}

/** Where a process is, for the boxes: location, holder (a user, when concluso), deadlines. */
interface Placement {
  location: Location;
  holder: number;
  /** Hours from now of its latest waiting deadline (Em espera while ahead). */
  waitingInHours: number | null;
  openDeadlines: number;
  priority: boolean;
}

const placement: fc.Arbitrary<Placement> = fc.record({
  location: fc.constantFrom(...LOCATIONS),
  holder: fc.nat(),
  waitingInHours: fc.option(fc.constantFrom(-2, 0, 2), { nil: null }),
  openDeadlines: fc.integer({ min: 0, max: 3 }),
  priority: fc.boolean(),
});

/** A process as written, with where it is. */
type Placed = GuardedProcess & {
  id: string;
  rules: AccessRule[];
  location: Location;
  holderId: string | null;
  waitingUntil: Date | null;
  openDeadlines: number;
  priority: boolean;
};

/** The placement as columns: a holder exactly when concluso (the database's rule). */
function placed(p: Placement, viewers: { userId: string }[]) {
  return {
    location: p.location,
    holderId: p.location === 'CONCLUSO' ? viewers[p.holder % viewers.length].userId : null,
    waitingUntil: p.waitingInHours === null ? null : new Date(NOW.getTime() + p.waitingInHours * HOUR),
    openDeadlines: p.openDeadlines,
    priority: p.priority,
  };
}

type Counted = Exclude<Box, 'outbox' | 'drafts' | 'trash'>;

/**
 * DOMAIN §3.1's boxes of where processes are, judged in memory: what each holds for the
 * viewer among the processes it sees in full (Prazos: their running deadlines).
 */
function expectedCounts(viewer: Viewer & { secretarias: (string | null)[] }, processes: Placed[]) {
  const mine = (unit: string) => viewer.assignments.some((a) => a.unitId === unit);
  const counts: Record<Counted, number> = {
    inbox: 0,
    waiting: 0,
    external: 0,
    archived: 0,
    secretaria: 0,
    conclusos: 0,
    deadlines: 0,
    'distributed-to-me': 0,
  };
  for (const p of processes) {
    if (p.location === 'ATTACHED' || processVisibility(viewer, p, NOW, 'exact_number') !== 'full') continue;
    const withMe =
      (p.location === 'CONCLUSO' && p.holderId === viewer.userId) ||
      (p.location === 'SECRETARIA' && viewer.secretarias.includes(p.unitId));
    const waiting = withMe && p.waitingUntil !== null && p.waitingUntil > NOW;
    if (withMe && !waiting) counts.inbox++;
    if (waiting) counts.waiting++;
    if (mine(p.unitId)) {
      if (p.location === 'SECRETARIA') counts.secretaria++;
      if (p.location === 'CONCLUSO') counts.conclusos++;
      if (p.location === 'EXTERNAL') counts.external++;
      if (p.location === 'ARCHIVED') counts.archived++;
      counts.deadlines += p.openDeadlines;
    }
    if (p.responsibleMemberId === viewer.userId) counts['distributed-to-me']++;
  }
  return counts;
}

const UNITS = 3; // index 2 stands for "no unit" (ADMIN-like assignments)
const GROUPS = 2;

const population: fc.Arbitrary<Population> = fc.record({
  users: fc.array(
    fc.record({
      // One assignment per unit (the database's rule).
      assignments: fc.uniqueArray(
        fc.record({
          unit: fc.integer({ min: 0, max: UNITS - 1 }),
          profile: fc.constantFrom(...PROFILES),
          secretaria: fc.boolean(),
        }),
        { maxLength: 2, selector: (a) => a.unit },
      ),
      groups: fc.subarray([0, 1]),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  processes: fc.array(
    fc
      .record({
        unit: fc.integer({ min: 0, max: 1 }),
        level: fc.constantFrom(0, 1, 2, 3, 4, 5) as fc.Arbitrary<SecrecyLevel>,
        responsible: fc.option(fc.nat(), { nil: null }),
        placement,
      })
      .map(({ placement: where, ...p }) => ({ ...p, ...where })),
    { minLength: 1, maxLength: 5 },
  ),
  moves: fc.array(
    fc
      .record({ process: fc.nat(), level: fc.constantFrom(0, 1, 2, 3, 4, 5) as fc.Arbitrary<SecrecyLevel>, placement })
      .map(({ placement: where, ...m }) => ({ ...m, ...where })),
    { maxLength: 4 },
  ),
  documents: fc.array(
    fc.record({
      process: fc.option(fc.nat(), { nil: null, freq: 4 }),
      unit: fc.integer({ min: 0, max: 1 }),
      raise: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 5 },
  ),
  rules: fc.array(
    fc.record({
      on: fc.constantFrom('process' as const, 'document' as const),
      target: fc.nat(),
      subject: fc.constantFrom('USER' as const, 'GROUP' as const),
      who: fc.nat(),
      effect: fc.constantFrom('ALLOW' as const, 'DENY' as const),
      // 0: expiring at the very instant asked about (it no longer applies).
      expiresInHours: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
      levelShift: fc.constantFrom(0, 0, 0, 1, -1),
    }),
    { maxLength: 8 },
  ),
});

describe('secrecy policy: SQL face = in-memory face', () => {
  let db: TestDatabase;
  let sut: DataSource;
  let units: string[];
  let granter: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = createDataSource({ url: db.url, poolSize: 2 });
    await sut.initialize();
    units = [];
    for (const code of ['H1', 'A1']) {
      const [{ id }] = await sut.query(
        `INSERT INTO units (code, name, kind, city, uf, version)
         VALUES ($1, $1, 'PROSECUTION_OFFICE', 'Maceió', 'AL', 1) RETURNING id`,
        [code],
      );
      units.push(id);
    }
    [{ id: granter }] = await sut.query(
      `INSERT INTO users (username, full_name, email, version) VALUES ('granter', 'G', 'g@x', 1) RETURNING id`,
    );
  });

  afterAll(async () => {
    await sut.destroy();
    await db.drop();
  });

  /** Runs `check` in a transaction that is then rolled back: each population starts clean. */
  async function rolledBack(check: (tx: EntityManager) => Promise<void>) {
    const rollback = new Error('rollback');
    await sut
      .transaction(async (tx) => {
        await check(tx);
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
  }

  /** Writes the population inside `tx` and returns it as the in-memory face sees it. */
  async function materialise(tx: EntityManager, pop: Population) {
    const groupIds: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      const [{ id }] = await tx.query(`INSERT INTO user_groups (name, version) VALUES ($1, 1) RETURNING id`, [`g${g}`]);
      groupIds.push(id);
    }
    const viewers: (Viewer & { secretarias: (string | null)[] })[] = [];
    for (const [i, u] of pop.users.entries()) {
      const [{ id }] = await tx.query(
        `INSERT INTO users (username, full_name, email, version) VALUES ($1, 'X', 'x@x', 1) RETURNING id`,
        [`u${i}`],
      );
      const assignments = u.assignments.map((a) => ({
        unitId: units[a.unit] ?? null,
        profile: a.profile,
        secretaria: a.secretaria,
      }));
      for (const a of assignments) {
        await tx.query(`INSERT INTO assignments (user_id, unit_id, profile, secretaria) VALUES ($1, $2, $3, $4)`, [
          id,
          a.unitId,
          a.profile,
          a.secretaria,
        ]);
      }
      for (const g of u.groups) {
        await tx.query(`INSERT INTO user_group_members (group_id, user_id) VALUES ($1, $2)`, [groupIds[g], id]);
      }
      viewers.push({
        userId: id,
        assignments: assignments.map(({ unitId, profile }) => ({ unitId, profile })),
        groupIds: u.groups.map((g) => groupIds[g]),
        secretarias: assignments.filter((a) => a.secretaria).map((a) => a.unitId),
      });
    }
    const processes: Placed[] = [];
    for (const [i, p] of pop.processes.entries()) {
      const responsibleMemberId = p.responsible === null ? null : viewers[p.responsible % viewers.length].userId;
      const where = placed(p, viewers);
      const [{ id }] = await tx.query(
        `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
           registered_by, secrecy_level, responsible_member_id, located_at, access_key, version,
           location, holder_id, waiting_until, open_deadlines, priority)
         VALUES ($1, 'NF', '1', 'resumo', $2, $2, now(), $3, $4, $5, now() - $6 * interval '1 minute', 'k', 1,
           $7, $8, $9, $10, $11) RETURNING id`,
        [
          `H1.2026.${i + 1}`,
          units[p.unit],
          granter,
          p.level,
          responsibleMemberId,
          i,
          where.location,
          where.holderId,
          where.waitingUntil,
          where.openDeadlines,
          where.priority,
        ],
      );
      processes.push({ id, unitId: units[p.unit], secrecyLevel: p.level, responsibleMemberId, rules: [], ...where });
    }
    const documents: (GuardedDocument & { id: string; rules: AccessRule[] })[] = [];
    for (const d of pop.documents) {
      const process = d.process === null ? null : processes[d.process % processes.length];
      const level = Math.min(5, (process?.secrecyLevel ?? 0) + d.raise) as SecrecyLevel;
      const unitId = process?.unitId ?? units[d.unit];
      const [{ id }] = await tx.query(
        `INSERT INTO documents (process_id, unit_id, type_code, title, format, html, secrecy_level, created_by,
           created_at, updated_at, version)
         VALUES ($1, $2, 'DESPACHO', 't', 'HTML', '<p>x</p>', $3, $4, now(), now(), 1) RETURNING id`,
        [process?.id ?? null, unitId, level, granter],
      );
      documents.push({ id, secrecyLevel: level, unitId, process, rules: [] });
    }
    const taken = new Set<string>();
    for (const r of pop.rules) {
      const onDocument = r.on === 'document' && documents.length > 0;
      const target = onDocument ? documents[r.target % documents.length] : processes[r.target % processes.length];
      const subjectId = r.subject === 'USER' ? viewers[r.who % viewers.length].userId : groupIds[r.who % GROUPS];
      if (taken.has(target.id + subjectId)) continue;
      taken.add(target.id + subjectId);
      const level = onDocument ? Math.max(0, Math.min(5, target.secrecyLevel + r.levelShift)) : null;
      const expiresAt = r.expiresInHours === null ? null : new Date(NOW.getTime() + r.expiresInHours * HOUR);
      const [{ id }] = await tx.query(
        `INSERT INTO access_rules (process_id, document_id, user_id, group_id, effect, level, expires_at, granted_by, granted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
        [
          onDocument ? null : target.id,
          onDocument ? target.id : null,
          r.subject === 'USER' ? subjectId : null,
          r.subject === 'GROUP' ? subjectId : null,
          r.effect,
          level,
          expiresAt,
          granter,
        ],
      );
      target.rules.push({ id, subjectType: r.subject, subjectId, effect: r.effect, expiresAt, level });
    }
    return { viewers, processes, documents };
  }

  /** What the SQL face answers for one viewer, read exactly as the services read it. */
  async function sqlAnswers(tx: EntityManager, viewer: Viewer) {
    const processes = await tx.query<{ id: string; v: string }[]>(
      `SELECT p.id, ${visibilityByNumberSql('p', VIEWER)} AS v FROM processes p`,
      [viewer.userId, NOW],
    );
    const documents = await tx.query<{ id: string; seen: boolean }[]>(
      `SELECT d.id, CASE WHEN d.process_id IS NULL THEN ${standaloneDocumentVisibleSql('d', VIEWER)}
         ELSE EXISTS (SELECT 1 FROM processes p WHERE p.id = d.process_id AND ${documentVisibleSql('d', 'p', VIEWER)})
         END AS seen
         FROM documents d`,
      [viewer.userId, NOW],
    );
    return {
      processes: new Map(processes.map((r) => [r.id, r.v])),
      documents: new Map(documents.map((r) => [r.id, r.seen])),
    };
  }

  it('agrees on every (viewer, process) and (viewer, document) pair of random populations', async () => {
    let pairs = 0;
    await fc.assert(
      fc.asyncProperty(population, async (pop) => {
        await rolledBack(async (tx) => {
          const world = await materialise(tx, pop);
          for (const viewer of world.viewers) {
            const sql = await sqlAnswers(tx, viewer);
            for (const p of world.processes) {
              expect({ viewer, p, v: sql.processes.get(p.id) }).toEqual({
                viewer,
                p,
                v: processVisibility(viewer, p, NOW, 'exact_number'),
              });
              pairs++;
            }
            for (const d of world.documents) {
              expect({ viewer, d, seen: sql.documents.get(d.id) }).toEqual({
                viewer,
                d,
                seen: documentAccess(viewer, d, NOW).sees,
              });
              pairs++;
            }
          }
        });
      }),
      { numRuns: 150 },
    );
    // A property that checks nothing proves nothing.
    expect(pairs).toBeGreaterThan(1000);
  });

  it('counts the boxes from the tallies exactly as the policy and the boxes say, after moves too', async () => {
    let checked = 0;
    let sampledBox = 0;
    await fc.assert(
      fc.asyncProperty(population, async (pop) => {
        await rolledBack(async (tx) => {
          const world = await materialise(tx, pop);
          // One statement per move, then one over every process: the triggers' UPDATE path,
          // a row at a time and set-based.
          for (const move of pop.moves) {
            const p = world.processes[move.process % world.processes.length];
            const where = placed(move, world.viewers);
            await tx.query(
              `UPDATE processes SET secrecy_level = $2, location = $3, holder_id = $4, waiting_until = $5,
               open_deadlines = $6, priority = $7 WHERE id = $1`,
              [
                p.id,
                move.level,
                where.location,
                where.holderId,
                where.waitingUntil,
                where.openDeadlines,
                where.priority,
              ],
            );
            Object.assign(p, where, { secrecyLevel: move.level });
          }
          await tx.query(
            `UPDATE processes SET unit_id = CASE WHEN unit_id = $1 THEN $2::uuid ELSE $1::uuid END`,
            units,
          );
          for (const p of world.processes) p.unitId = p.unitId === units[0] ? units[1] : units[0];
          const store = new BoxCountsStore(tx);
          for (const viewer of world.viewers) {
            const counted = await store.counts(viewer.userId, NOW);
            const expected = expectedCounts(viewer, world.processes);
            // The total a box page carries: the same tallies, one box per viewer in turn.
            const boxes = Object.keys(expected) as Counted[];
            const sampled = boxes[sampledBox++ % boxes.length];
            const [{ total }] = await preparedQuery<{ total: number }[]>(
              tx,
              `SELECT ${talliedTotalSql(sampled)} AS total`,
              [viewer.userId, NOW],
            );
            for (const box of boxes) {
              expect({ viewer, box, count: counted[box] }).toEqual({ viewer, box, count: expected[box] });
              checked++;
            }
            expect({ viewer, box: sampled, total }).toEqual({ viewer, box: sampled, total: expected[sampled] });
          }
        });
      }),
      { numRuns: 100 },
    );
    expect(checked).toBeGreaterThan(1000);
  });
});
