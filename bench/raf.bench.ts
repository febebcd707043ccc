/**
 * A member's busiest month: BENCH_RAF_EVENTS (default 50 000) events of last month — half
 * performed by the member, half by others on processes distributed to it — exported to XML
 * (`ExportRaf.run`: read in batches, written through the streaming builder, hashed, stored in
 * parts). Prints the export's rate against a raw SELECT of the same rows, and — in a second
 * export, sampling the heap and buffers after forced collections — what the export retains
 * at its peak; fails when that is not flat (over 8 MB, whatever the month's size, well under
 * the 12 MB file) or a count is off.
 */
import { type Clock, localDate, rafMonthBounds } from '@acervo/domain';
import { SystemClock } from '@acervo/runtime';
import { ExportRaf } from '../apps/api/src/modules/raf/raf-export.use-case';
import { log, retainedAtPeak, runBench, withBenchDatabase, writeResults } from './bench-database';

const EVENTS = Number(process.env.BENCH_RAF_EVENTS ?? 50_000);
const PER_PROCESS = 10;
const ZONE = 'America/Sao_Paulo';
/** Well under the 12 MB file: keeping the file, or a month of rows, in memory would fail it. */
const FLAT_HEAP_MB = 8;

/** Last month, as the institution counts it. */
function lastMonth(clock: Clock): string {
  const [y, m] = localDate(clock.now(), ZONE).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

async function main(): Promise<boolean> {
  return withBenchDatabase('raf', async (db) => {
    const clock = new SystemClock();
    const month = lastMonth(clock);
    const { from, to } = rafMonthBounds(month, ZONE);
    const [unit] = await db.query<{ id: string }[]>(
      `INSERT INTO units (code, name, kind, city, uf, version) VALUES ('R01', 'Promotoria', 'PROSECUTION_OFFICE', 'Maceió', 'AL', 1) RETURNING id`,
    );
    const [member, other] = await db.query<{ id: string }[]>(
      `INSERT INTO users (username, full_name, email, registration_number, version)
       VALUES ('membro', 'Membro', 'm@mp', '1234', 1), ('outro', 'Outro', 'o@mp', NULL, 1) RETURNING id`,
    );
    await db.query(`INSERT INTO assignments (user_id, unit_id, profile, secretaria) VALUES ($1, $2, 'MEMBER', true)`, [
      member.id,
      unit.id,
    ]);
    const processes = Math.ceil(EVENTS / PER_PROCESS);
    const seeded = Date.now();
    await db.query(
      `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
         registered_by, location, located_at, access_key, event_count, version)
       SELECT 'R01.2026.' || lpad(i::text, 6, '0'), 'NF', '10011', 'Carga ' || i, $1, $1, $2, $3, 'SECRETARIA', $2, 'K', $4, 1
         FROM generate_series(1, $5::int) i`,
      [unit.id, from, member.id, PER_PROCESS, processes],
    );
    // Even processes: the member acts itself. Odd ones: distributed to it all month, others act.
    await db.query(
      `INSERT INTO distributions (process_id, kind, member_id, distributor_id, starts_on, started_at)
       SELECT id, 'MANUAL', $1, $1, $2::timestamptz::date, $2 FROM processes
        WHERE right(number, 1)::int % 2 = 1`,
      [member.id, from],
    );
    const span = to.getTime() - from.getTime();
    await db.query(
      `INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details, document_ids)
       SELECT p.id, k, (ARRAY['900006','900007','900028','900031','900005'])[1 + k % 5],
              CASE WHEN right(p.number, 1)::int % 2 = 1 THEN $2::uuid ELSE $3::uuid END, p.unit_id,
              $4::timestamptz + (random() * $5::float8) * interval '1 millisecond', '{}', '{}'
         FROM processes p CROSS JOIN generate_series(1, $1::int) k`,
      [PER_PROCESS, other.id, member.id, from, span - 1],
    );
    await db.query(`VACUUM ANALYZE`);
    log(`seeded ${EVENTS} events of ${month} in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const r0 = performance.now();
    const rawRows = await db.query(
      `SELECT e.id, e.sequence, e.code, e.occurred_at, e.unit_id, e.process_id FROM process_events e
        WHERE e.occurred_at >= $1 AND e.occurred_at < $2 ORDER BY e.occurred_at, e.id`,
      [from, to],
    );
    const rawSeconds = (performance.now() - r0) / 1000;
    const raw = { length: rawRows.length };
    rawRows.length = 0; // released before memory is measured

    const actor = {
      userId: member.id,
      username: 'membro',
      sessionId: 'bench',
      assignments: [{ unitId: unit.id, profile: 'MEMBER' as const, secretaria: true, linkedMemberId: null }],
    };
    const exporter = new ExportRaf(db, clock);
    const t0 = performance.now();
    const exported = await exporter.run(actor, month);
    const seconds = (performance.now() - t0) / 1000;

    // Retained memory, sampled through a second export.
    const { growthMb, samples } = await retainedAtPeak(() => exporter.run(actor, month), 25);

    const rate = exported.eventCount / seconds;
    const rawRate = raw.length / rawSeconds;
    const flat = growthMb <= FLAT_HEAP_MB;
    log(
      `raw SELECT of ${raw.length} rows: ${rawSeconds.toFixed(2)} s (${Math.round(rawRate)}/s); ` +
        `export of ${exported.eventCount} events (${(exported.size / 1024 / 1024).toFixed(1)} MB of XML): ` +
        `${seconds.toFixed(2)} s (${Math.round(rate)}/s, ${(rate / rawRate).toFixed(2)}× the raw read); ` +
        `retained at peak ${growthMb.toFixed(1)} MB over ${samples} samples ${flat ? 'flat' : 'NOT FLAT'} (≤ ${FLAT_HEAP_MB} MB)`,
    );
    await writeResults('raf', { events: EVENTS, seconds, rate, rawSeconds, rawRate, growthMb, size: exported.size });
    return exported.eventCount === EVENTS && raw.length === EVENTS && flat;
  });
}

runBench(main);
