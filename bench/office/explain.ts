/**
 * `pnpm bench:explain`: the plans (EXPLAIN ANALYZE) of the statements behind the harness's
 * slow scenarios, for the busy member on the generated office — what docs/performance.md
 * quotes. Read-only: it runs on acervo_bench_office as `pnpm bench:data` left it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SystemClock } from '@acervo/runtime';
import { createDataSource } from '@acervo/persistence';
import { AccessLog } from '../../apps/api/src/common/audit/access-log';
import { ActorLoader } from '../../apps/api/src/common/auth/actor-loader';
import { BoxesService } from '../../apps/api/src/modules/processes/boxes.service';
import { ProcessReader } from '../../apps/api/src/modules/processes/process-reader';
import { explainStatements, runBench } from '../bench-database';
import { BENCH_DIR, OFFICE_DATABASE, openBenchServer } from './bench-server';
import { FULL_TEXT_QUERIES, type OfficeFacts } from './office-data';

async function main(): Promise<boolean> {
  const facts = JSON.parse(await readFile(join(BENCH_DIR, 'office.json'), 'utf8')) as OfficeFacts;
  const server = await openBenchServer();
  const db = createDataSource({ url: server.urlFor(OFFICE_DATABASE), poolSize: 2 });
  await db.initialize();
  try {
    const [{ id }] = await db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [
      facts.busyMember.username,
    ]);
    const [{ sid }] = await db.query<{ sid: string }[]>(
      `INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + interval '1 hour') RETURNING id AS sid`,
      [id],
    );
    const actor = (await new ActorLoader(db).forSession(id, sid))!;
    const clock = new SystemClock();
    const boxes = new BoxesService(db, clock);
    // The reader's access-log rows are named, not explained (see explainStatements).
    const reader = new ProcessReader(db, new AccessLog(), clock);
    const only = process.argv[2];
    const plans: [string, () => Promise<unknown>][] = [
      ['inbox, page 1', () => boxes.page(actor, 'inbox', { limit: 50 } as never)],
      ['box counts', () => boxes.counts(actor)],
      ['process detail', () => reader.view(actor, facts.detailIds.sample[0])],
      ['search by number', () => reader.byNumber(actor, facts.numbers[0])],
      ...FULL_TEXT_QUERIES.map((q): [string, () => Promise<unknown>] => [
        `full-text search '${q}'`,
        () => reader.search(actor, q, 50),
      ]),
    ];
    for (const [label, run] of plans) if (!only || label.includes(only)) await explainStatements(db, label, run);
    await db.query(`DELETE FROM sessions WHERE id = $1`, [sid]);
    return true;
  } finally {
    await db.destroy();
    await server.stop();
  }
}

runBench(main);
