import { type Clock, partyNameFor } from '@acervo/domain';
import { documentVisibleSql, fullContentSql, type ViewerSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { ProcessReader } from '../processes/process-reader';
import type { EventDto } from '../processes/dto/process-view.dto';
import { dateTimeIn } from './dossier-format';

/** Dossier queries bind the viewer as `$2` and the application's "now" as `$3`. */
const VIEWER: ViewerSql = { user: '$2', now: '$3' };
/** Events are read and laid out this many at a time. */
export const EVENT_BATCH = 500;

export interface DossierProcess {
  id: string;
  number: string;
  /** 0 for the process asked for; 1 for a process attached to it, and so on. */
  depth: number;
  /** The process this one is attached to (null for the one asked for). */
  principalNumber: string | null;
  className: string;
  subjectName: string;
  unitName: string;
  secrecyLevel: number;
  location: string;
  registeredAt: Date;
  instauratedOn: string | null;
  originNumber: string | null;
  externalOrgan: string | null;
  priority: boolean;
  summary: string;
  responsibleName: string | null;
  parties: { name: string; type: string }[];
}

export interface DossierDocument {
  id: string;
  title: string;
  typeName: string;
  format: 'HTML' | 'PDF';
  secrecyLevel: number;
  signedAt: Date;
  signerName: string | null;
  sha256: string;
}

export type DossierContent = { html: string } | { pdf: Buffer };

/** One viewer's whole process, ready to be written out: the tree, and reads bound to the viewer. */
export interface DossierSource {
  tree: DossierProcess[];
  dateTime: (at: Date) => string;
  generated: { by: string; at: Date };
  documents(processId: string): Promise<DossierDocument[]>;
  events(processId: string): AsyncIterable<EventDto[]>;
  content(documentId: string): Promise<DossierContent | null>;
}

/**
 * What a whole-process download may hold for one viewer, read through the secrecy policy's
 * SQL face: the process and the processes attached to it that the viewer sees in full, their
 * events in batches, and, document by document, the signed documents the viewer may see.
 * A document's content is read, one at a time, only when it is written out, and its
 * visibility is asked again then: a level raised meanwhile keeps it out.
 */
@Injectable()
export class DossierReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processes: ProcessReader,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The viewer's dossier of a process; null when the viewer may not see the process in full. */
  async open(viewer: Actor, id: string): Promise<DossierSource | null> {
    const tree = await this.tree(viewer, id);
    if (!tree.length) return null;
    const { timeZone } = await this.settings.current(this.dataSource.manager);
    return {
      tree,
      dateTime: dateTimeIn(timeZone),
      generated: { by: viewer.username, at: this.clock.now() },
      documents: (processId) => this.documents(viewer, processId),
      events: (processId) => this.events(processId),
      content: (documentId) => this.content(viewer, documentId),
    };
  }

  /**
   * The process, then those attached to it (and to them), each only when the viewer sees it
   * — and the one it is attached to — in full; empty when the viewer may not see the process.
   */
  private async tree(viewer: Actor, id: string): Promise<DossierProcess[]> {
    const rows = await this.dataSource.query<(Omit<DossierProcess, 'parties'> & { parties: DossierParty[] })[]>(
      `WITH RECURSIVE tree AS (
         SELECT p.id, 0 AS depth, ARRAY[p.id] AS path, ARRAY[p.number] AS numbers, NULL::text AS principal
           FROM processes p WHERE p.id = $1 AND ${fullContentSql('p', VIEWER)}
         UNION ALL
         SELECT p.id, t.depth + 1, t.path || p.id, t.numbers || p.number, t.numbers[array_length(t.numbers, 1)]
           FROM tree t JOIN processes p ON p.principal_id = t.id
          WHERE p.id <> ALL (t.path) AND ${fullContentSql('p', VIEWER)}
       )
       SELECT p.id, p.number, t.depth, t.principal AS "principalNumber", c.name AS "className", s.name AS "subjectName", u.name AS "unitName",
              p.secrecy_level AS "secrecyLevel", p.location, p.registered_at AS "registeredAt",
              to_char(p.instaurated_on, 'YYYY-MM-DD') AS "instauratedOn", p.origin_number AS "originNumber",
              p.external_organ AS "externalOrgan", p.priority, p.summary, m.full_name AS "responsibleName",
              coalesce((SELECT json_agg(json_build_object('name', pp.name, 'type', pp.type, 'secret', pp.secret)
                                        ORDER BY pp.position)
                          FROM process_parties pp WHERE pp.process_id = p.id), '[]') AS parties
         FROM tree t
         JOIN processes p ON p.id = t.id
         JOIN classes c ON c.code = p.class_code
         JOIN subjects s ON s.code = p.subject_code
         JOIN units u ON u.id = p.unit_id
         LEFT JOIN users m ON m.id = p.responsible_member_id
        ORDER BY t.numbers`,
      [id, viewer.userId, this.clock.now()],
    );
    return rows.map((r) => ({
      ...r,
      parties: r.parties.map((party) => ({ name: partyNameFor('full', party), type: party.type })),
    }));
  }

  /** The history in batches of {@link EVENT_BATCH}, read as it is written out. */
  private async *events(processId: string): AsyncGenerator<EventDto[]> {
    for (let after = 0; ;) {
      const batch = await this.processes.eventRows(this.dataSource.manager, processId, EVENT_BATCH, after);
      if (batch.length) yield batch;
      if (batch.length < EVENT_BATCH) return;
      after = batch[batch.length - 1].sequence;
    }
  }

  /** The signed documents, not in the trash, the viewer may see: the order they joined the process. */
  private documents(viewer: Actor, processId: string): Promise<DossierDocument[]> {
    return this.dataSource.query<DossierDocument[]>(
      `SELECT d.id, d.title, t.name AS "typeName", d.format, d.secrecy_level AS "secrecyLevel",
              d.signed_at AS "signedAt", u.full_name AS "signerName", d.sha256
         FROM documents d
         JOIN document_types t ON t.code = d.type_code
         JOIN processes p ON p.id = d.process_id
         LEFT JOIN users u ON u.id = d.signed_by
        WHERE d.process_id = $1 AND d.status = 'SIGNED' AND d.trashed_at IS NULL
          AND ${documentVisibleSql('d', 'p', VIEWER)}
        ORDER BY d.signed_at, d.id`,
      [processId, viewer.userId, this.clock.now()],
    );
  }

  /**
   * One document's content, if the viewer may still see it. A PDF document whose file is
   * missing comes back as no bytes, which the binder cannot read and says so.
   */
  private async content(viewer: Actor, documentId: string): Promise<DossierContent | null> {
    const [row] = await this.dataSource.query<{ format: 'HTML' | 'PDF'; html: string | null; pdf: Buffer | null }[]>(
      `SELECT d.format, d.html, f.content AS pdf
         FROM documents d
         JOIN processes p ON p.id = d.process_id
         LEFT JOIN document_files f ON f.document_id = d.id
        WHERE d.id = $1 AND d.trashed_at IS NULL AND ${documentVisibleSql('d', 'p', VIEWER)}`,
      [documentId, viewer.userId, this.clock.now()],
    );
    if (!row) return null;
    return row.format === 'PDF' ? { pdf: row.pdf ?? Buffer.alloc(0) } : { html: row.html ?? '' };
  }
}

interface DossierParty {
  name: string;
  type: string;
  secret: boolean;
}
