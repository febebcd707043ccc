import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDataSource } from '@acervo/persistence';
import { freePort, stopChild } from '@acervo/runtime';
import { createTestDatabase, SmtpSink, TestClock, type TestDatabase } from '@acervo/testing';
import request from 'supertest';
import { AuthFlow, STEP_MS } from '../../support/auth-flow';
import { type Office, testEnv } from '../../support/test-app';

const API_MAIN = resolve(__dirname, '../../../dist/main.js');
const WORKER_MAIN = resolve(__dirname, '../../../../worker/dist/main.js');

/** A process of its own, as `node dist/main.js` runs in production, with the tail of its output kept for failures. */
interface Node {
  child: ChildProcess;
  /** Its last output lines, to explain a failure. */
  output(): string;
  /** Resident memory, in bytes, read from /proc. */
  rss(): number;
  stop(): Promise<void>;
}

export interface ApiNode extends Node {
  url: string;
  http: Office['http'];
}

/**
 * `command` wraps the node invocation (e.g. in `unshare`); it gets the program and its
 * arguments and returns what to spawn.
 */
export interface NodeOptions {
  command?: (program: string, args: string[]) => [string, string[]];
}

function launch(main: string, env: NodeJS.ProcessEnv, options: NodeOptions): Node {
  const [program, args] = (options.command ?? ((p, a) => [p, a]))(process.execPath, [main]);
  const child = spawn(program, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-64_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    output: () => tail,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    stop: () => stopChild(child, 10_000),
  };
}

/** An API process (apps/api/dist/main.js) on a port of its own; resolves once /health answers 200. */
export async function startApiNode(env: NodeJS.ProcessEnv, options: NodeOptions = {}): Promise<ApiNode> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const node = launch(API_MAIN, { ...env, PORT: String(port), APP_URL: url }, options);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (node.child.exitCode !== null) throw new Error(`API process exited (${node.child.exitCode}):\n${node.output()}`);
    const health = await fetch(`${url}/health`).catch(() => undefined);
    if (health?.ok) break;
    if (Date.now() > deadline) {
      await node.stop();
      throw new Error(`API process not healthy in 60 s:\n${node.output()}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { ...node, url, http: () => request(url) };
}

/** A worker process (apps/worker/dist/main.js). */
export function startWorkerNode(env: NodeJS.ProcessEnv): Node {
  return launch(WORKER_MAIN, env, {});
}

/**
 * An office served by API processes: its database, the SMTP sink its mails go to, and the
 * configuration every node and worker of it shares (one Redis prefix, one JWT secret).
 */
export interface ProcessOffice extends Office {
  db: TestDatabase;
  env: NodeJS.ProcessEnv;
  nodes: ApiNode[];
  workers: Node[];
  /** Starts another API process on the office (more variables override the office's). */
  addNode(more?: NodeJS.ProcessEnv, options?: NodeOptions): Promise<ApiNode>;
  /** Stops node `i` and starts another in its place (more variables override the office's). */
  restartNode(i: number, more?: NodeJS.ProcessEnv): Promise<ApiNode>;
  addWorker(more?: NodeJS.ProcessEnv): Node;
  close(): Promise<void>;
}

export async function processOffice(replicas: number, env: NodeJS.ProcessEnv = {}): Promise<ProcessOffice> {
  const db = await createTestDatabase();
  const smtp = await new SmtpSink().start();
  const officeEnv = { ...(await testEnv(db, smtp)), LOG_LEVEL: 'warn', ...env };
  const dataSource = createDataSource({ url: db.url, poolSize: 4 });
  await dataSource.initialize();
  const nodes: ApiNode[] = [];
  const workers: Node[] = [];
  const addNode = async (more: NodeJS.ProcessEnv = {}, options: NodeOptions = {}) => {
    const node = await startApiNode({ ...officeEnv, ...more }, options);
    nodes.push(node);
    return node;
  };
  // One after the other: the first applies the migrations.
  for (let i = 0; i < replicas; i++) await addNode();
  return {
    db,
    env: officeEnv,
    nodes,
    workers,
    http: () => nodes[0].http(),
    dataSource,
    smtp,
    // Not the processes' clock (theirs is the real one): WallClockAuthFlow computes codes.
    clock: new TestClock(),
    addNode,
    restartNode: async (i, more = {}) => {
      await nodes[i].stop();
      nodes[i] = await startApiNode({ ...officeEnv, ...more });
      return nodes[i];
    },
    addWorker: (more = {}) => {
      const worker = startWorkerNode({ ...officeEnv, ...more });
      workers.push(worker);
      return worker;
    },
    close: async () => {
      await Promise.all([...nodes, ...workers].map((n) => n.stop()));
      await dataSource.destroy();
      await smtp.stop();
      await db.drop();
    },
  };
}

/**
 * Sign-ins against API processes, whose clock (the real one, shifted by their
 * CLOCK_OFFSET_MS) a test cannot move. A code is never accepted twice for a user, and the
 * server takes the steps now ±1: each user's next code is the earliest step still accepted
 * a few seconds from now that the user has not spent (two or three at any moment; a
 * sign-in waits for the next step when none is left).
 */
export class WallClockAuthFlow extends AuthFlow {
  private readonly spent = new Map<string, number>();
  /** The CLOCK_OFFSET_MS of the nodes signed in to. */
  offsetMs = 0;

  override code(secret: string): string {
    const step = this.nextFor(secret);
    if (step === undefined) throw new Error('no TOTP step left for this user until the next one starts');
    this.spent.set(secret, step);
    return this.totp.codeAt(secret, new Date(step * STEP_MS));
  }

  override nextStep(): void {
    // Nothing to move: code() picks the user's next unspent step.
  }

  /** The user's next code, waiting for the next step when every step accepted now is spent. */
  async nextCode(secret: string): Promise<string> {
    await this.stepLeft(secret);
    return this.code(secret);
  }

  override async signIn(username: string, password: string, secret: string) {
    await this.stepLeft(secret);
    return super.signIn(username, password, secret);
  }

  private async stepLeft(secret: string): Promise<void> {
    while (this.nextFor(secret) === undefined) await new Promise((done) => setTimeout(done, 1_000));
  }

  private nextFor(secret: string): number | undefined {
    const now = Date.now() + this.offsetMs;
    const earliest = Math.floor((now + 5_000) / STEP_MS) - 1;
    const latest = Math.floor(now / STEP_MS) + 1;
    const step = Math.max(earliest, (this.spent.get(secret) ?? -Infinity) + 1);
    return step <= latest ? step : undefined;
  }
}
