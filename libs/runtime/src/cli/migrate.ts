/**
 * `pnpm migrate [up|down]`: applies pending migrations, or reverts the latest one, on
 * DATABASE_URL — or on the embedded PostgreSQL under DATA_DIR when it is unset.
 */
import pino from 'pino';
import { revertLastMigration, runMigrations } from '@acervo/persistence';
import { loadConfig } from '../config';
import { openDatabase } from '../database';

const log = pino({ name: 'migrate' });

async function main(direction: string): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error('usage: pnpm migrate [up|down]');
  const { dataSource, close } = await openDatabase(loadConfig());
  try {
    if (direction === 'up') log.info({ ran: await runMigrations(dataSource) }, 'migrated');
    else {
      await revertLastMigration(dataSource);
      log.info('reverted the latest migration');
    }
  } finally {
    await close();
  }
}

main(process.argv[2] ?? 'up').catch((error: unknown) => {
  log.fatal({ err: error }, 'migration failed');
  process.exit(1);
});
