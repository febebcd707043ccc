/**
 * A distribution centre's lottery at scale: BENCH_LOTTERY (default 10 000) processes drawn
 * in one batch among 7 members, sent at once to the members' unit — the commitment, the
 * draws, distributions, counters, process changes, custody and events. Prints the time;
 * fails over the target or when a count or the balance is off. Results go to bench/results/.
 */
import { CSPRNG_SEEDS, MOVEMENTS, type Profile } from '@acervo/domain';
import { SystemClock } from '@acervo/runtime';
import { AuditTrail } from '../apps/api/src/common/audit/audit-trail';
import { InstitutionSettingsService } from '../apps/api/src/modules/catalogues/institution-settings.service';
import { RunLottery } from '../apps/api/src/modules/distribution/run-lottery.use-case';
import { type BenchDataSource, log, runBench, withBenchDatabase, writeResults } from './bench-database';

const PROCESSES = Number(process.env.BENCH_LOTTERY ?? 10_000);
const MEMBERS = 7;
/** Seconds for the whole batch, at most (scaled by BENCH_TARGET_FACTOR like the other targets). */
const TARGET_SECONDS = 10 * Number(process.env.BENCH_TARGET_FACTOR ?? 1);

async function unit(db: BenchDataSource, code: string, kind: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO units (code, name, kind, city, uf, version) VALUES ($1, $1, $2, 'Maceió', 'AL', 1) RETURNING id`,
    [code, kind],
  );
  return row.id;
}

async function user(db: BenchDataSource, name: string, unitId: string, profile: Profile): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO users (username, full_name, email, version) VALUES ($1, $1, $1 || '@mp.example', 1) RETURNING id`,
    [name],
  );
  await db.query(`INSERT INTO assignments (user_id, unit_id, profile, secretaria) VALUES ($1, $2, $3, true)`, [
    row.id,
    unitId,
    profile,
  ]);
  return row.id;
}

async function main(): Promise<boolean> {
  return withBenchDatabase('lottery', async (db) => {
    const centre = await unit(db, 'C01', 'DISTRIBUTION_CENTER');
    const office = await unit(db, 'P01', 'PROSECUTION_OFFICE');
    const manager = await user(db, 'gerente.centro', centre, 'MANAGER');
    const members: string[] = [];
    for (let i = 1; i <= MEMBERS; i++) members.push(await user(db, `membro.${i}`, office, 'MEMBER'));
    const [group] = await db.query<{ id: string }[]>(
      `INSERT INTO distribution_groups (name, unit_id, version) VALUES ('Cível', $1, 1) RETURNING id`,
      [centre],
    );
    await db.query(
      `INSERT INTO distribution_group_members (group_id, user_id, unit_id) SELECT $1, m, $3 FROM unnest($2::uuid[]) m`,
      [group.id, members, office],
    );
    const seeded = Date.now();
    const processIds = (
      await db.query<{ id: string }[]>(
        `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
           registered_by, location, located_at, access_key, version)
         SELECT 'C01.2026.' || lpad(i::text, 6, '0'), 'NF', '10011', 'Sorteio ' || i, $1, $1, now(), $2,
                'SECRETARIA', now(), 'K', 1
           FROM generate_series(1, $3::int) i
         RETURNING id`,
        [centre, manager, PROCESSES],
      )
    ).map((r) => r.id);
    await db.query(
      `INSERT INTO process_custody (process_id, unit_id, holder_id, from_at) SELECT id, $1, NULL, now() FROM unnest($2::uuid[]) id`,
      [centre, processIds],
    );
    await db.query(`VACUUM ANALYZE`);
    log(`seeded ${PROCESSES} processes in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const settings = new InstitutionSettingsService(db, new AuditTrail());
    const lottery = new RunLottery(db, settings, new SystemClock(), CSPRNG_SEEDS);
    const actor = {
      userId: manager,
      username: 'gerente.centro',
      sessionId: 'bench',
      assignments: [{ unitId: centre, profile: 'MANAGER' as const, secretaria: true, linkedMemberId: null }],
    };
    const t0 = performance.now();
    const result = await lottery.forGroup(actor, group.id, { processIds, sendImmediately: true });
    const seconds = (performance.now() - t0) / 1000;

    const [{ distributed, events }] = await db.query<{ distributed: number; events: number }[]>(
      `SELECT (SELECT count(*)::int FROM distributions) AS distributed,
              (SELECT count(*)::int FROM process_events WHERE code = $1) AS events`,
      [MOVEMENTS.DISTRIBUTED.code],
    );
    const counts = (await db.query<{ received: number }[]>(`SELECT received FROM distribution_group_members`)).map(
      (r) => r.received,
    );
    const balanced = Math.max(...counts) - Math.min(...counts) <= 1;
    log(
      `lottery of ${PROCESSES} processes (sent at once) in ${seconds.toFixed(2)} s: ` +
        `${Math.round(PROCESSES / seconds)}/s; counts ${counts.join(', ')}; target ≤ ${TARGET_SECONDS} s ` +
        `${seconds <= TARGET_SECONDS ? 'ok' : 'MISSED'}`,
    );
    await writeResults('lottery', { processes: PROCESSES, members: MEMBERS, seconds, counts });
    return (
      result.draws.length === PROCESSES &&
      distributed === PROCESSES &&
      events === PROCESSES &&
      balanced &&
      seconds <= TARGET_SECONDS
    );
  });
}

runBench(main);
