import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { composeMail, Mailer, MailUnavailable, SMTP_TIMEOUTS, smtpTransportOptions } from './mail';

describe(Mailer.name, () => {
  /** An SMTP server that accepts the connection and then never says a word. */
  let silent: Server;
  const sockets: Socket[] = [];
  let port: number;

  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  const mailer = (smtpUrl: string) => new Mailer({ mail: { smtpUrl, dir: '/nonexistent', from: 'Acervo <a@b>' } });
  const mail = composeMail('fulano@mp.example', 'Teste', ['Olá']);

  it('bounds every wait on the SMTP server, far below nodemailer’s minutes', () => {
    expect(smtpTransportOptions('smtp://mail:25')).toEqual({
      url: 'smtp://mail:25',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    expect(Math.max(...Object.values(SMTP_TIMEOUTS))).toBeLessThanOrEqual(20_000);
  });

  it('gives up on a server that never greets, as MailUnavailable, within the timeout', async () => {
    const sut = mailer(`smtp://127.0.0.1:${port}?greetingTimeout=300`);
    const started = Date.now();
    const error = await sut.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailUnavailable);
    expect(Date.now() - started).toBeLessThan(3_000);
    sut.close();
  });

  it('reports a server that refuses the connection as MailUnavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const sut = mailer(`smtp://127.0.0.1:${free}`);
    await expect(sut.send(mail)).rejects.toBeInstanceOf(MailUnavailable);
    sut.close();
  });
});

// The module object mail.ts calls into (an `import * as` namespace cannot be spied on).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs/promises') as typeof import('node:fs/promises');

describe(`${Mailer.name} without SMTP (.eml files)`, () => {
  const mail = composeMail('fulano@mp.example', 'Teste', ['Olá']);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'acervo-mail-'));
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each mail as a file', async () => {
    await new Mailer({ mail: { dir, from: 'Acervo <a@b>' } }).send(mail);
    expect(await readdir(dir)).toEqual([expect.stringMatching(/\.eml$/)]);
  });

  it('reports the recipient and the file, never the content: its links carry single-use tokens', async () => {
    const reported: string[] = [];
    const link = composeMail('fulano@mp.example', 'Ativar 2FA', ['Abra http://localhost:3000/2fa/ativar#token=s3cr3t']);
    await new Mailer({ mail: { dir, from: 'Acervo <a@b>' } }, (m) => reported.push(m)).send(link);
    const [file] = await readdir(dir);
    expect(reported).toEqual([`mail to fulano@mp.example written to ${join(dir, file)}`]);
  });

  it('a full mail folder is MailUnavailable (a 503 to the request), and no half-written file is left', async () => {
    const write = fs.writeFile;
    jest.spyOn(fs, 'writeFile').mockImplementation(async (file) => {
      await write(file as string, 'From: Acervo'); // the disk filled up in the middle of the message
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const error = await new Mailer({ mail: { dir, from: 'Acervo <a@b>' } }).send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailUnavailable);
    expect(await readdir(dir)).toEqual([]);
  });
});
