import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

/** A real SMTP server that keeps every message it receives, for one test file. */
export class SmtpSink {
  readonly mails: SinkMail[] = [];
  private server?: SMTPServer;
  private port?: number;

  get url(): string {
    if (!this.port) throw new Error('SmtpSink not started');
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      // smtp-server looks the client's address up in DNS before its greeting; with no DNS
      // answering here that can outlast the client's greeting timeout (10 s).
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        parseMail(stream)
          .then((mail) => {
            this.mails.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : undefined;
    return this;
  }

  /** The newest mail to the address, if any. */
  lastMailTo(address: string): SinkMail | undefined {
    const wanted = address.toLowerCase();
    return [...this.mails].reverse().find((m) => m.to.includes(wanted));
  }

  /** Waits for a mail to the address (delivery is asynchronous). */
  async waitForMailTo(address: string, timeoutMs = 5_000): Promise<SinkMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.lastMailTo(address);
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  clear(): void {
    this.mails.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function addressesOf(mail: ParsedMail): string[] {
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : [];
  return to.flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));
}

/** A message as the sink keeps it, from its source (an SMTP stream, an .eml file). */
export async function parseMail(source: Parameters<typeof simpleParser>[0]): Promise<SinkMail> {
  const parsed = await simpleParser(source);
  return {
    to: addressesOf(parsed),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    parsed,
  };
}
