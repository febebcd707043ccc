import { type Clock } from '@acervo/domain';
import { fullContentSql } from '@acervo/persistence';
import { type AppConfig, Mailer } from '@acervo/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, CLOCK } from '../worker-config';
import { institutionTimeZone } from '../institution';
import { type DigestLine, digestMail } from './digest-mail';

/**
 * The daily e-mail digest (DOMAIN §6): per person, the notices not yet mailed — of
 * processes the person may still see, of deadlines still running at the due time noticed
 * (one closed or extended since is news no more), and only if the person is still active. The notices are claimed
 * `FOR UPDATE SKIP LOCKED` and marked in the transaction that sends, so two workers never
 * mail the same notice, and a failed send leaves them for the next digest.
 */
@Injectable()
export class DeadlineDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Mails sent. */
  async run(): Promise<number> {
    const people = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT DISTINCT user_id FROM notifications WHERE mailed_at IS NULL`,
    );
    const timeZone = await institutionTimeZone(this.dataSource);
    let sent = 0;
    for (const { user_id } of people) {
      if (await this.dataSource.transaction((tx) => this.digestFor(tx, user_id, timeZone))) sent++;
    }
    return sent;
  }

  private async digestFor(tx: EntityManager, userId: string, timeZone: string): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await tx.query<{ id: string }[]>(
      `SELECT id FROM notifications WHERE user_id = $1 AND mailed_at IS NULL FOR UPDATE SKIP LOCKED`,
      [userId],
    );
    if (!claimed.length) return false;
    const ids = claimed.map((n) => n.id);
    const lines = await tx.query<(Omit<DigestLine, 'processId' | 'dueAt'> & { process_id: string; due_at: Date })[]>(
      `SELECT n.kind, n.process_id, p.number, dl.description, n.due_at
         FROM notifications n JOIN processes p ON p.id = n.process_id JOIN deadlines dl ON dl.id = n.deadline_id
        WHERE n.id = ANY($2::uuid[]) AND dl.status = 'OPEN' AND dl.due_at = n.due_at
          AND ${fullContentSql('p', { user: '$1', now: '$3' })}
        ORDER BY n.due_at, p.number`,
      [userId, ids, now],
    );
    await tx.query(`UPDATE notifications SET mailed_at = $2 WHERE id = ANY($1::uuid[])`, [ids, now]);
    const [person] = await tx.query<{ email: string; full_name: string }[]>(
      `SELECT email, full_name FROM users WHERE id = $1 AND active`,
      [userId],
    );
    if (!person || !lines.length) return false;
    await this.mailer.send(
      digestMail(
        person.email,
        person.full_name,
        lines.map((l) => ({ ...l, processId: l.process_id, dueAt: l.due_at })),
        { timeZone, appUrl: this.config.appUrl },
      ),
    );
    return true;
  }
}
