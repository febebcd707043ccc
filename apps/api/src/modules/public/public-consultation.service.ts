import { timingSafeEqual } from 'node:crypto';
import {
  canonicalProcessNumber,
  type Clock,
  PublicProcessNotFound,
  PublicProcessSecret,
  publicAnswer,
  SECRET_PARTY_NAME,
  type SecrecyLevel,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import { AccessLog } from '../../common/audit/access-log';
import type { ClientInfo } from '../../common/auth/actor';
import type { PublicProcessDto } from './public-process.dto';

const STATUS: Readonly<Record<string, string>> = {
  SECRETARIA: 'Em tramitação',
  CONCLUSO: 'Em tramitação',
  EXTERNAL: 'Em órgão externo',
  ARCHIVED: 'Arquivado',
  ATTACHED: 'Anexado',
};

function sameKey(given: string | undefined, actual: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given.trim().toUpperCase());
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Consulta pública (DOMAIN §9): without signing in, by number (and the process key for
 * level 1). Level 5 takes the same path and gets the same answer as an unknown number.
 */
@Injectable()
export class PublicConsultation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLog,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async byNumber(number: string, key?: string, client: ClientInfo | null = null): Promise<PublicProcessDto> {
    const canonical = canonicalProcessNumber(number);
    const [row] = canonical
      ? await this.dataSource.query<
          {
            id: string;
            number: string;
            secrecy_level: SecrecyLevel;
            access_key: string;
            class_name: string;
            subject_name: string;
            unit_name: string;
            location: string;
            registered_at: Date;
          }[]
        >(
          `SELECT p.id, p.number, p.secrecy_level, p.access_key, c.name AS class_name, s.name AS subject_name,
                  u.name AS unit_name, p.location, p.registered_at
             FROM processes p JOIN classes c ON c.code = p.class_code JOIN subjects s ON s.code = p.subject_code
             JOIN units u ON u.id = p.unit_id
            WHERE p.number = $1`,
          [canonical],
        )
      : [];
    const answer = publicAnswer(row ? row.secrecy_level : null, !!row && sameKey(key, row.access_key));
    if (answer.kind === 'not_found') throw new PublicProcessNotFound();
    if (answer.kind === 'secret') throw new PublicProcessSecret();
    if (answer.kind === 'key_required') {
      throw new PublicProcessSecret('Processo em segredo de justiça: informe a chave do processo.');
    }
    // A level-1 process opened with its key is logged (anonymous, with the address); level 0 is public.
    await this.accessLog.record(this.dataSource.manager, {
      userId: null,
      processId: row.id,
      how: 'PUBLIC_KEY',
      at: this.clock.now(),
      ip: client?.ip,
    });
    const [parties, events, documents] = await Promise.all([
      this.dataSource.query<{ name: string; type: string; secret: boolean }[]>(
        `SELECT name, type, secret FROM process_parties WHERE process_id = $1 ORDER BY position`,
        [row.id],
      ),
      this.dataSource.query<{ sequence: number; code: string; name: string | null; occurred_at: Date }[]>(
        `SELECT e.sequence, e.code, m.name, e.occurred_at FROM process_events e
           LEFT JOIN movement_types m ON m.code = e.code WHERE e.process_id = $1 ORDER BY e.sequence`,
        [row.id],
      ),
      this.dataSource.query<{ id: string; type: string; title: string; signed_at: Date; html: string | null }[]>(
        `SELECT d.id, t.name AS type, d.title, d.signed_at, d.html
           FROM documents d JOIN document_types t ON t.code = d.type_code
          WHERE d.process_id = $1 AND d.status = 'SIGNED' AND d.trashed_at IS NULL
            AND d.secrecy_level <= $2 AND ($3 OR t.decisory)
          ORDER BY d.signed_at, d.id`,
        [row.id, row.secrecy_level, answer.documents === 'all'],
      ),
    ]);
    return {
      number: row.number,
      class: row.class_name,
      subject: row.subject_name,
      unit: row.unit_name,
      status: STATUS[row.location] ?? 'Em tramitação',
      registeredAt: row.registered_at.toISOString(),
      parties: parties.map((p) => ({ name: p.secret ? SECRET_PARTY_NAME : p.name, type: p.type })),
      events: events.map((e) => ({
        sequence: e.sequence,
        code: e.code,
        name: e.name ?? e.code,
        occurredAt: e.occurred_at.toISOString(),
      })),
      documents: documents.map((d) => ({
        id: d.id,
        type: d.type,
        title: d.title,
        signedAt: d.signed_at.toISOString(),
        html: d.html,
      })),
    };
  }
}
