import { escapeHtml } from '@acervo/domain';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from './config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A mail of paragraphs and an optional link, as plain text and as (escaped) HTML, signed by Acervo. */
export function composeMail(
  to: string,
  subject: string,
  paragraphs: string[],
  link?: { url: string; label: string },
): OutgoingMail {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), '', '— Acervo'].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : []),
    '<p>— Acervo</p>',
  ].join('\n');
  return { to, subject, text, html };
}

/**
 * How long a send waits on an SMTP server before giving up, in milliseconds. Nodemailer's
 * own defaults (2 minutes to connect, 30 s for the greeting, 10 minutes of silence) would
 * hold a request — and its database connection — for minutes. SMTP_URL's query overrides
 * them (`smtp://host:25?greetingTimeout=5000`).
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/**
 * The mail could not be handed over — the SMTP server unreachable, silent or refusing, or,
 * without SMTP, the mail folder full or not writable: nothing was sent.
 */
export class MailUnavailable extends Error {
  constructor(cause: unknown) {
    super(`mail not sent: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MailUnavailable';
  }
}

/** Transport options for SMTP_URL: the timeouts above, then whatever the URL says. */
export function smtpTransportOptions(url: string): { url: string } & typeof SMTP_TIMEOUTS {
  return { url, ...SMTP_TIMEOUTS };
}

/**
 * Sends mail through SMTP_URL, or — in a single-machine installation without SMTP —
 * writes each message as an .eml file in MAIL_DIR and reports where: the recipient and the
 * file, never the content, whose links carry single-use tokens (activation, reset, the
 * first password) that would otherwise sit in every log collector.
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly toFiles: boolean;

  constructor(
    private readonly config: Pick<AppConfig, 'mail'>,
    private readonly report: (message: string) => void = () => undefined,
  ) {
    this.toFiles = !config.mail.smtpUrl;
    this.transport = this.toFiles
      ? createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : createTransport(smtpTransportOptions(config.mail.smtpUrl!));
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.toFiles) {
      await this.transport.sendMail({ from: this.config.mail.from, ...mail }).catch((e: unknown) => {
        throw new MailUnavailable(e);
      });
      return;
    }
    const info = await this.transport.sendMail({ from: this.config.mail.from, ...mail });
    const file = join(this.config.mail.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`);
    try {
      await mkdir(this.config.mail.dir, { recursive: true });
      await writeFile(file, (info as unknown as { message: Buffer }).message, { mode: 0o600 });
    } catch (e) {
      // A full disk (or a folder we may not write) is the mail not sent, as a dead SMTP
      // server is: the caller answers 503; a half-written .eml is not left behind.
      await rm(file, { force: true }).catch(() => undefined);
      throw new MailUnavailable(e);
    }
    this.report(`mail to ${mail.to} written to ${file}`);
  }

  close(): void {
    this.transport.close();
  }
}
