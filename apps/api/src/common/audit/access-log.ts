import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@acervo/persistence';
import type { EntityManager } from 'typeorm';

/** How a process's content was reached: the read path, as the access log names it. */
export type AccessHow =
  | 'DETAIL'
  | 'BY_NUMBER'
  | 'EVENTS'
  | 'DOCUMENTS'
  | 'DOCUMENT'
  | 'DOWNLOAD'
  | 'PUBLIC_KEY'
  /** A template rendered against the process (preview, or a draft made from it). */
  | 'TEMPLATE'
  /** The whole process downloaded ("Baixar processo como pdf") or viewed as one page. */
  | 'PDF'
  | 'HTML';

export interface AccessEntry {
  /** null: public consultation with the process key. */
  userId: string | null;
  processId: string;
  documentId?: string | null;
  how: AccessHow;
  at: Date;
  ip?: string | null;
}

/**
 * The access log of CNJ Res. 121/2010 art. 3 (DOMAIN §4.4): every read of the content of
 * a process at level ≥ 1, and every read of another unit's process. Whether a read
 * qualifies is decided in the same statement that writes it, from the process as it is
 * then (its level and unit), so the log never depends on what the caller remembered.
 * Called before the content is answered: a read that cannot be logged is not served.
 */
@Injectable()
export class AccessLog {
  async record(db: EntityManager, entry: AccessEntry): Promise<void> {
    await preparedQuery(
      db,
      `INSERT INTO access_log (at, user_id, process_id, document_id, how, secrecy_level, unit_id, own_unit, ip)
       SELECT $1, $2, p.id, $4, $5, p.secrecy_level, p.unit_id, p.own_unit, $6
         FROM (SELECT p.id, p.secrecy_level, p.unit_id,
                      EXISTS (SELECT 1 FROM assignments a WHERE a.user_id = $2 AND a.unit_id = p.unit_id) AS own_unit
                 FROM processes p WHERE p.id = $3) p
        WHERE p.secrecy_level >= 1 OR ($2::uuid IS NOT NULL AND NOT p.own_unit)`,
      [entry.at, entry.userId, entry.processId, entry.documentId ?? null, entry.how, entry.ip ?? null],
    );
  }
}
