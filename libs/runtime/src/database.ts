import { join } from 'node:path';
import { createDataSource } from '@acervo/persistence';
import type { AppConfig } from './config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  dataSource: ReturnType<typeof createDataSource>;
  close(): Promise<void>;
}

/**
 * The installation's database for a command-line task: DATABASE_URL, or the embedded
 * cluster under DATA_DIR (which must not be running already — stop `pnpm start` first).
 */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  const embedded = config.database.url ? undefined : await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg') });
  const url = config.database.url ?? (await embedded!.ensureDatabase('acervo'));
  const dataSource = createDataSource({ url });
  try {
    await dataSource.initialize();
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
