/**
 * `pnpm bench:data --processes 1000000 [--seed 1]`: builds the benchmark office in the
 * database acervo_bench_office (DATABASE_URL's server, or an embedded one under
 * .bench-data/pg), replacing any earlier one; its facts go to .bench-data/office.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { log, runBench } from '../bench-database';
import { BENCH_DIR, buildOffice, OFFICE_DATABASE, openBenchServer, option } from './bench-server';

async function main(): Promise<boolean> {
  const processes = option('processes', 'BENCH_PROCESSES', 1_000_000);
  const seed = option('seed', 'BENCH_SEED', 1);
  await mkdir(BENCH_DIR, { recursive: true });
  const server = await openBenchServer();
  try {
    const facts = await buildOffice(server, OFFICE_DATABASE, processes, seed);
    await writeFile(join(BENCH_DIR, 'office.json'), JSON.stringify(facts, null, 2));
    log(`facts in ${join(BENCH_DIR, 'office.json')}`);
    return true;
  } finally {
    await server.stop();
  }
}

runBench(main);
