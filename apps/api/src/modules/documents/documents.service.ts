import { createHash } from 'node:crypto';
import {
  assignableLevel,
  type Clock,
  Conflict,
  Forbidden,
  MOVEMENTS,
  NotFound,
  type ProcessPosition,
  refusalError,
  refuseDrafting,
  refuseSigning,
  ValidationFailed,
} from '@acervo/domain';
import { documentVisibleSql, standaloneDocumentVisibleSql, type ViewerSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import { cursorInstantSql, decodeTimeCursor, toPage } from '../../common/pagination';
import { staleVersion } from '../../common/stale-version';
import type { Actor, ClientInfo } from '../../common/auth/actor';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { appendEvent } from '../processes/process-events';
import { ProcessReader } from '../processes/process-reader';
import type {
  CreateDraftDto,
  DocumentDto,
  DocumentListDto,
  PendingStandaloneDto,
  PendingStandalonePageDto,
  StandaloneDocumentDto,
  StandaloneQuery,
  StandaloneUploadDto,
  UpdateDraftDto,
  UploadDraftDto,
} from './dto/document.dto';
import { sanitiseDocumentHtml } from './html-sanitiser';
import { receivedPdf, type UploadedFile } from './pdf-upload';

export const DOCUMENT_NOT_FOUND = 'Documento não encontrado.';

interface ProcessForDocuments extends ProcessPosition {
  id: string;
  secrecyLevel: number;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const DOCUMENT_COLUMNS = `d.id, d.process_id, d.unit_id, d.type_code, t.name AS type_name, t.decisory, d.title, d.format,
  d.html, d.secrecy_level, d.status, d.standalone, d.created_by, d.created_at, d.signed_by, d.signed_at, d.sha256,
  d.trashed_at, d.version`;

/** Every read of documents: its columns, with its type's name and decisory flag. */
const SELECT_DOCUMENTS = `SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN document_types t ON t.code = d.type_code`;

/** Document reads bind the viewer as `$2` and the application's "now" as `$3`. */
const VIEWER: ViewerSql = { user: '$2', now: '$3' };

/**
 * Who may see a standalone document: users of the unit it is addressed to and the
 * Protocolo user who registered it, each by its own level and rules.
 */
const STANDALONE_VISIBLE = `(${standaloneDocumentVisibleSql('d', VIEWER)}
  AND (d.created_by = $2 OR d.unit_id IN (SELECT unit_id FROM assignments WHERE user_id = $2)))`;

/** Who may see a document: through its process, or as a standalone one. */
const VISIBLE = `(CASE WHEN d.process_id IS NULL THEN ${STANDALONE_VISIBLE}
    ELSE EXISTS (SELECT 1 FROM processes p WHERE p.id = d.process_id AND ${documentVisibleSql('d', 'p', VIEWER)}) END)`;

/**
 * Documents: drafts (rich text or PDF) in a process or standalone, their signing (which
 * freezes the content and its SHA-256 and writes the Juntada event), trash and restore.
 * Every read goes through the policy's SQL face, for the process and the document's own level.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ProcessReader,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  createDraft(actor: Actor, processId: string, dto: CreateDraftDto): Promise<DocumentDto> {
    return this.draftIn(actor, processId, dto, async () => ({ html: dto.content }));
  }

  uploadDraft(
    actor: Actor,
    processId: string,
    file: UploadedFile | undefined,
    dto: UploadDraftDto,
  ): Promise<DocumentDto> {
    const pdf = receivedPdf(file);
    return this.draftIn(actor, processId, dto, async () => ({ pdf }));
  }

  /**
   * A draft rendered from a template: the content rendered inside the drafting transaction
   * with the process locked (so what it reads of the process, `${numeroDocumento}` included,
   * cannot change under it), and the template version recorded.
   */
  draftFromTemplate(
    actor: Actor,
    processId: string,
    template: { id: string; version: number; typeCode: string; title: string },
    render: (tx: EntityManager) => Promise<string>,
  ): Promise<DocumentDto> {
    return this.draftIn(
      actor,
      processId,
      template,
      async (tx) => ({ html: await render(tx) }),
      (tx, id) =>
        tx.query(`INSERT INTO template_documents (document_id, template_id, template_version) VALUES ($1, $2, $3)`, [
          id,
          template.id,
          template.version,
        ]),
    );
  }

  /**
   * A draft in a process: the drafting rule, the type and level checks, then the content
   * (made in the transaction, the process locked) and the row; `recorded` adds to the same
   * transaction what else the draft brings.
   */
  private draftIn(
    actor: Actor,
    processId: string,
    dto: { typeCode: string; title: string; secrecyLevel?: number },
    content: (tx: EntityManager) => Promise<{ html: string } | { pdf: Buffer }>,
    recorded?: (tx: EntityManager, id: string) => Promise<unknown>,
  ): Promise<DocumentDto> {
    return this.dataSource.transaction(async (tx) => {
      const p = await this.processForDrafting(tx, actor, processId);
      const level = await this.checkDraft(
        tx,
        actor,
        p.unitId,
        dto.typeCode,
        dto.secrecyLevel ?? p.secrecyLevel,
        p.secrecyLevel,
      );
      const id = await this.insert(tx, actor, {
        processId,
        unitId: p.unitId,
        typeCode: dto.typeCode,
        title: dto.title,
        level,
        ...(await content(tx)),
      });
      await recorded?.(tx, id);
      return this.read(tx, actor, id);
    });
  }

  /**
   * Documento avulso: Protocolo registers it with no process, addressed to a unit, where
   * it is later inserted into a process or linked to one as a draft.
   */
  registerStandalone(actor: Actor, dto: StandaloneDocumentDto): Promise<DocumentDto> {
    return this.standaloneIn(actor, this.protocolUnit(actor), dto, { html: dto.content });
  }

  /** A documento avulso that arrived on paper or by e-mail: the PDF as received. */
  uploadStandalone(actor: Actor, file: UploadedFile | undefined, dto: StandaloneUploadDto): Promise<DocumentDto> {
    const protocolUnit = this.protocolUnit(actor);
    return this.standaloneIn(actor, protocolUnit, dto, { pdf: receivedPdf(file) });
  }

  /** The level is judged as Protocolo may assign it in its own unit; the document waits in `dto.unitId`. */
  private standaloneIn(
    actor: Actor,
    protocolUnit: string,
    dto: { unitId: string; typeCode: string; title: string; secrecyLevel?: number },
    content: { html: string } | { pdf: Buffer },
  ): Promise<DocumentDto> {
    return this.dataSource.transaction(async (tx) => {
      if (!(await tx.query(`SELECT 1 FROM units WHERE id = $1`, [dto.unitId])).length) {
        throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
      }
      const level = await this.checkDraft(tx, actor, protocolUnit, dto.typeCode, dto.secrecyLevel ?? 0, 0);
      const id = await this.insert(tx, actor, {
        processId: null,
        unitId: dto.unitId,
        typeCode: dto.typeCode,
        title: dto.title,
        level,
        ...content,
        standalone: true,
      });
      return this.read(tx, actor, id);
    });
  }

  /** The Protocolo unit the actor registers from; refused before anything is read. */
  private protocolUnit(actor: Actor): string {
    const protocol = actor.assignments.find((a) => a.profile === 'PROTOCOL');
    if (!protocol?.unitId) throw new Forbidden('Só o Protocolo registra documentos avulsos.');
    return protocol.unitId;
  }

  /**
   * The documentos avulsos still waiting to join a process that concern the viewer —
   * addressed to one of their units, or registered by them — newest first. Secrecy is
   * judged in the query, so neither the page nor its cursor hints at what is hidden.
   */
  async pendingStandalone(actor: Actor, query: StandaloneQuery): Promise<PendingStandalonePageDto> {
    const params: unknown[] = [query.unitId ?? null, actor.userId, this.clock.now()];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = [
      'd.standalone AND d.process_id IS NULL AND d.trashed_at IS NULL',
      '($1::uuid IS NULL OR d.unit_id = $1::uuid)',
      STANDALONE_VISIBLE,
    ];
    const after = decodeTimeCursor(query.cursor);
    if (after) where.push(`(d.created_at, d.id) < (${bind(after.key[0])}::timestamptz, ${bind(after.id)}::uuid)`);
    // No content: a list of up to 200 need not carry 200 documents' HTML.
    const rows = await this.dataSource.query<PendingRow[]>(
      `SELECT d.id, d.unit_id, d.type_code, t.name AS type_name, t.decisory, d.title, d.format, d.secrecy_level,
              d.created_by, u.full_name AS created_by_name, d.created_at, d.version,
              ${cursorInstantSql('d.created_at')} AS since
         FROM documents d JOIN document_types t ON t.code = d.type_code JOIN users u ON u.id = d.created_by
        WHERE ${where.join(' AND ')}
        ORDER BY d.created_at DESC, d.id DESC LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => r.since);
    return {
      items: page.items.map(toPending),
      nextCursor: page.nextCursor,
    };
  }

  update(actor: Actor, id: string, dto: UpdateDraftDto): Promise<DocumentDto> {
    return this.dataSource.transaction(async (tx) => {
      const doc = await this.lockVisible(tx, actor, id);
      if (doc.status !== 'DRAFT') throw new Conflict('Documento assinado não pode ser alterado.');
      if (doc.version !== dto.version) throw staleDocument();
      if (doc.process_id) await this.processForDrafting(tx, actor, doc.process_id);
      else if (doc.created_by !== actor.userId) throw new Forbidden('Só quem registrou altera o documento avulso.');
      if (dto.content !== undefined && doc.format !== 'HTML') {
        throw new ValidationFailed([{ field: 'content', message: 'documento PDF: envie um novo arquivo' }]);
      }
      await tx.query(
        `UPDATE documents SET title = coalesce($2, title), html = coalesce($3, html), updated_at = $4,
           version = version + 1 WHERE id = $1`,
        [
          id,
          dto.title?.trim() ?? null,
          dto.content !== undefined ? this.cleanHtml(dto.content) : null,
          this.clock.now(),
        ],
      );
      return this.read(tx, actor, id);
    });
  }

  /** Signing (juntada): freezes the content and its SHA-256, and writes the event. */
  sign(actor: Actor, id: string, version: number): Promise<DocumentDto> {
    return this.dataSource.transaction(async (tx) => {
      const doc = await this.lockVisible(tx, actor, id);
      if (!doc.process_id) throw new Conflict('Documento avulso: insira-o em um processo.');
      if (doc.status === 'SIGNED') throw new Conflict('Documento já assinado.');
      if (doc.trashed_at) throw new Conflict('Documento na lixeira: restaure-o antes.');
      if (doc.version !== version) throw staleDocument();
      const p = await this.lockProcess(tx, doc.process_id);
      const refusal = refuseSigning(actor, p);
      if (refusal) throw refusalError(refusal);
      const hash = await this.freeze(tx, actor, doc, p);
      await appendEvent(tx, p.id, this.clock.now(), {
        code: MOVEMENTS.DOCUMENT_ADDED.code,
        actorId: actor.userId,
        unitId: p.unitId,
        documentIds: [doc.id],
        details: { sha256: hash },
      });
      return this.read(tx, actor, id);
    });
  }

  /** Juntada of a document into a process: frozen with its hash (the caller writes the event). */
  async freeze(
    tx: EntityManager,
    actor: Actor,
    doc: { id: string; format: string; html: string | null },
    p: Pick<ProcessForDocuments, 'id' | 'unitId'>,
  ): Promise<string> {
    const now = this.clock.now();
    const hash =
      doc.format === 'HTML'
        ? sha256(doc.html ?? '')
        : (
            await tx.query<{ sha256: string }[]>(`SELECT sha256 FROM document_files WHERE document_id = $1`, [doc.id])
          )[0].sha256;
    await tx.query(
      `UPDATE documents SET status = 'SIGNED', signed_by = $2, signed_at = $3, sha256 = $4, process_id = $5,
         unit_id = $6, updated_at = $3, version = version + 1 WHERE id = $1`,
      [doc.id, actor.userId, now, hash, p.id, p.unitId],
    );
    return hash;
  }

  /**
   * A document's own level (DOMAIN §4.1–4.2): never below its process's, set by a user of
   * the unit who may assign it by the institution's table; the process's history records it.
   */
  setLevel(actor: Actor, id: string, dto: { version: number; level: number; justification?: string }) {
    return this.dataSource.transaction(async (tx) => {
      const doc = await this.lockVisible(tx, actor, id);
      if (!doc.process_id) throw new Conflict('Documento avulso: o nível é o do registro.');
      if (doc.version !== dto.version) throw staleDocument();
      const p = await this.lockProcess(tx, doc.process_id);
      const settings = await this.settings.current(tx);
      const mine = actor.assignments.filter((a) => a.unitId === p.unitId).map((a) => a.profile);
      const assignable = assignableLevel(mine, settings.secrecyAssignment);
      if (assignable < 0) throw new Forbidden('Seu perfil não atribui níveis de sigilo.');
      const problems = [
        ...(dto.level < p.secrecyLevel
          ? [{ field: 'level', message: 'o documento tem ao menos o nível do processo' }]
          : []),
        ...(dto.level > assignable || doc.secrecy_level > assignable
          ? [{ field: 'level', message: 'seu perfil não pode atribuir este nível de sigilo' }]
          : []),
        ...(dto.level === doc.secrecy_level ? [{ field: 'level', message: 'o documento já está neste nível' }] : []),
        ...(dto.level === 5 && !p.responsibleMemberId
          ? [{ field: 'level', message: 'nível 5 exige um membro responsável pelo processo' }]
          : []),
      ];
      if (problems.length) throw new ValidationFailed(problems.slice(0, 1));
      const now = this.clock.now();
      await tx.query(`UPDATE documents SET secrecy_level = $2, updated_at = $3, version = version + 1 WHERE id = $1`, [
        id,
        dto.level,
        now,
      ]);
      await appendEvent(tx, p.id, now, {
        code: MOVEMENTS.SECRECY_DECREED.code,
        actorId: actor.userId,
        unitId: p.unitId,
        documentIds: [id],
        details: {
          fromLevel: doc.secrecy_level,
          toLevel: dto.level,
          ...(dto.justification ? { justification: dto.justification.trim() } : {}),
        },
      });
      // After lowering, the actor may still see it; after raising, perhaps not.
      const [after] = await tx.query<Row[]>(`${SELECT_DOCUMENTS} WHERE d.id = $1`, [id]);
      return toDto(after);
    });
  }

  trash(actor: Actor, id: string): Promise<void> {
    return this.moveTrash(actor, id, true);
  }

  async restore(actor: Actor, id: string): Promise<DocumentDto> {
    await this.moveTrash(actor, id, false);
    return this.read(this.dataSource.manager, actor, id);
  }

  async list(
    actor: Actor,
    processId: string,
    trashed: boolean,
    client: ClientInfo | null = null,
  ): Promise<DocumentListDto> {
    await this.reader.assertFull(actor, processId);
    await this.reader.logAccess(actor, processId, 'DOCUMENTS', client);
    const rows = await this.dataSource.query<Row[]>(
      `${SELECT_DOCUMENTS}
        WHERE d.process_id = $1 AND ${VISIBLE} AND (d.trashed_at IS NOT NULL) = $4
        ORDER BY d.created_at, d.id`,
      [processId, actor.userId, this.clock.now(), trashed],
    );
    return { items: rows.map(toDto), nextCursor: null };
  }

  async get(actor: Actor, id: string, client: ClientInfo | null = null): Promise<DocumentDto> {
    const doc = await this.read(this.dataSource.manager, actor, id);
    if (doc.processId) await this.reader.logAccess(actor, doc.processId, 'DOCUMENT', client, doc.id);
    return doc;
  }

  /** The bytes to download: the PDF as uploaded, or the sanitised HTML. */
  async content(
    actor: Actor,
    id: string,
    client: ClientInfo | null = null,
  ): Promise<{ doc: DocumentDto; body: Buffer; contentType: string }> {
    const doc = await this.read(this.dataSource.manager, actor, id);
    if (doc.processId) await this.reader.logAccess(actor, doc.processId, 'DOWNLOAD', client, doc.id);
    if (doc.format === 'HTML') {
      return { doc, body: Buffer.from(doc.html ?? '', 'utf8'), contentType: 'text/html; charset=utf-8' };
    }
    const [file] = await this.dataSource.query<{ content: Buffer }[]>(
      `SELECT content FROM document_files WHERE document_id = $1`,
      [id],
    );
    return { doc, body: file.content, contentType: 'application/pdf' };
  }

  /** The process a document is being written in, locked, with the drafting rule applied. */
  async processForDrafting(tx: EntityManager, actor: Actor, processId: string): Promise<ProcessForDocuments> {
    await this.reader.assertFull(actor, processId, tx);
    const p = await this.lockProcess(tx, processId);
    const refusal = refuseDrafting(actor, p);
    if (refusal) throw refusalError(refusal);
    return p;
  }

  async lockProcess(tx: EntityManager, processId: string): Promise<ProcessForDocuments> {
    const [p] = await tx.query<ProcessForDocuments[]>(
      `SELECT id, unit_id AS "unitId", location, holder_id AS "holderId", responsible_member_id AS "responsibleMemberId",
              secrecy_level AS "secrecyLevel"
         FROM processes WHERE id = $1 FOR UPDATE`,
      [processId],
    );
    if (!p) throw new NotFound('Processo não encontrado.');
    return p;
  }

  /** A visible document, locked for change; 404 for one the actor may not see. */
  async lockVisible(tx: EntityManager, actor: Actor, id: string): Promise<Row> {
    const [doc] = await tx.query<Row[]>(
      `${SELECT_DOCUMENTS}
        WHERE d.id = $1 AND ${VISIBLE} FOR UPDATE OF d`,
      [id, actor.userId, this.clock.now()],
    );
    if (!doc) throw new NotFound(DOCUMENT_NOT_FOUND);
    return doc;
  }

  private async moveTrash(actor: Actor, id: string, toTrash: boolean): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const doc = await this.lockVisible(tx, actor, id);
      if (!!doc.trashed_at === toTrash)
        throw new Conflict(toTrash ? 'Documento já está na lixeira.' : 'Documento não está na lixeira.');
      if (!doc.process_id) throw new Conflict('Documento avulso não vai para a lixeira de um processo.');
      const p = await this.lockProcess(tx, doc.process_id);
      // Signed documents are the members' to remove; a draft, its author's or any drafter's.
      const refusal = doc.status === 'SIGNED' ? refuseSigning(actor, p) : refuseDrafting(actor, p);
      if (refusal) throw refusalError(refusal);
      const now = this.clock.now();
      await tx.query(
        `UPDATE documents SET trashed_at = $2, trashed_by = $3, updated_at = $4, version = version + 1 WHERE id = $1`,
        [id, toTrash ? now : null, toTrash ? actor.userId : null, now],
      );
      if (doc.status === 'SIGNED') {
        await appendEvent(tx, p.id, now, {
          code: (toTrash ? MOVEMENTS.DOCUMENT_TRASHED : MOVEMENTS.DOCUMENT_RESTORED).code,
          actorId: actor.userId,
          unitId: p.unitId,
          documentIds: [id],
        });
      }
    });
  }

  /** Type in the catalogue; level at least the process's and within what the actor may assign. */
  private async checkDraft(
    tx: EntityManager,
    actor: Actor,
    unitId: string,
    typeCode: string,
    level: number,
    floor: number,
  ) {
    const type = await tx.query(`SELECT 1 FROM document_types WHERE code = $1 AND active`, [typeCode]);
    const problems = type.length ? [] : [{ field: 'typeCode', message: 'tipo de documento não encontrado ou inativo' }];
    if (level < floor)
      problems.push({ field: 'secrecyLevel', message: 'o documento tem ao menos o nível do processo' });
    const settings = await this.settings.current(tx);
    const mine = actor.assignments.filter((a) => a.unitId === unitId).map((a) => a.profile);
    if (level > floor && level > assignableLevel(mine, settings.secrecyAssignment)) {
      problems.push({ field: 'secrecyLevel', message: 'seu perfil não pode atribuir este nível de sigilo' });
    }
    if (problems.length) throw new ValidationFailed(problems);
    return level;
  }

  private cleanHtml(html: string): string {
    const clean = sanitiseDocumentHtml(html);
    if (!clean) throw new ValidationFailed([{ field: 'content', message: 'o conteúdo ficou vazio' }]);
    return clean;
  }

  async insert(
    tx: EntityManager,
    actor: Actor,
    d: {
      processId: string | null;
      unitId: string;
      typeCode: string;
      title: string;
      level: number;
      html?: string;
      pdf?: Buffer;
      standalone?: boolean;
    },
  ): Promise<string> {
    const now = this.clock.now();
    const [{ id }] = await tx.query<{ id: string }[]>(
      `INSERT INTO documents (process_id, unit_id, type_code, title, format, html, secrecy_level, standalone,
         created_by, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 1) RETURNING id`,
      [
        d.processId,
        d.unitId,
        d.typeCode,
        d.title.trim(),
        d.pdf ? 'PDF' : 'HTML',
        d.pdf ? null : this.cleanHtml(d.html ?? ''),
        d.level,
        d.standalone ?? false,
        actor.userId,
        now,
      ],
    );
    if (d.pdf) {
      await tx.query(
        `INSERT INTO document_files (document_id, content_type, size, sha256, content) VALUES ($1, 'application/pdf', $2, $3, $4)`,
        [id, d.pdf.length, sha256(d.pdf), d.pdf],
      );
    }
    return id;
  }

  private async read(db: EntityManager, actor: Actor, id: string): Promise<DocumentDto> {
    const [doc] = await db.query<Row[]>(
      `${SELECT_DOCUMENTS}
        WHERE d.id = $1 AND ${VISIBLE}`,
      [id, actor.userId, this.clock.now()],
    );
    if (!doc) throw new NotFound(DOCUMENT_NOT_FOUND);
    return toDto(doc);
  }
}

export interface Row {
  id: string;
  process_id: string | null;
  unit_id: string;
  type_code: string;
  type_name: string;
  decisory: boolean;
  title: string;
  format: 'HTML' | 'PDF';
  html: string | null;
  secrecy_level: number;
  status: 'DRAFT' | 'SIGNED';
  standalone: boolean;
  created_by: string;
  created_at: Date;
  signed_by: string | null;
  signed_at: Date | null;
  sha256: string | null;
  trashed_at: Date | null;
  version: number;
}

/** A pending standalone document as the list reads it: no content, who registered it, the cursor key. */
type PendingRow = Omit<
  Row,
  'process_id' | 'html' | 'status' | 'standalone' | 'signed_by' | 'signed_at' | 'sha256' | 'trashed_at'
> & {
  created_by_name: string;
  since: string;
};

/** What every reading of a document shows, a list's included. */
function summaryOf(r: PendingRow | Row) {
  return {
    id: r.id,
    unitId: r.unit_id,
    typeCode: r.type_code,
    typeName: r.type_name,
    decisory: r.decisory,
    title: r.title,
    format: r.format,
    secrecyLevel: r.secrecy_level,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

function toPending(r: PendingRow): PendingStandaloneDto {
  return { ...summaryOf(r), createdByName: r.created_by_name };
}

const staleDocument = () => staleVersion('O documento foi alterado');

function toDto(r: Row): DocumentDto {
  return {
    ...summaryOf(r),
    processId: r.process_id,
    html: r.html,
    status: r.status,
    standalone: r.standalone,
    signedBy: r.signed_by,
    signedAt: r.signed_at?.toISOString() ?? null,
    sha256: r.sha256,
    trashedAt: r.trashed_at?.toISOString() ?? null,
  };
}
