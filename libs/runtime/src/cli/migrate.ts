/**
 * `pnpm migrate [up|down]`: applies pending migrations, or reverts the latest one, on
 * DATABASE_URL — or on the embedded PostgreSQL under DATA_DIR when it is unset.
 */
import { join } from 'node:path';
import pino from 'pino';
import { createDataSource, revertLastMigration, runMigrations } from '@acervo/persistence';
import { loadConfig } from '../config';
import { startEmbeddedPostgres, type RunningPostgres } from '../embedded-postgres';

const log = pino({ name: 'migrate' });

async function main(direction: string): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error('usage: pnpm migrate [up|down]');
  const config = loadConfig();
  let embedded: RunningPostgres | undefined;
  let url = config.database.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg') });
    url = await embedded.ensureDatabase('acervo');
  }
  const dataSource = createDataSource({ url });
  try {
    await dataSource.initialize();
    if (direction === 'up') log.info({ ran: await runMigrations(dataSource) }, 'migrated');
    else {
      await revertLastMigration(dataSource);
      log.info('reverted the latest migration');
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main(process.argv[2] ?? 'up').catch((error: unknown) => {
  log.fatal({ err: error }, 'migration failed');
  process.exit(1);
});
