import { createHash } from 'node:crypto';
import {
  attendanceProblems,
  attendanceTermHtml,
  type Clock,
  COMPLAINT_CATEGORIES,
  Conflict,
  Forbidden,
  formatAttendanceProtocol,
  localDate,
  mayAttendIn,
  mayReadAttendancesOf,
  MOVEMENTS,
  normalizeCnpj,
  normalizeCpf,
  NotFound,
  ValidationFailed,
} from '@acervo/domain';
import { fullContentSql, type ViewerSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { nextYearlyNumber } from '../../common/yearly-sequence';
import { decodeTimeCursor, encodeCursor } from '../../common/pagination';
import { staleVersion } from '../../common/stale-version';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { DocumentsService } from '../documents/documents.service';
import { receivedPdf, type UploadedFile } from '../documents/pdf-upload';
import { appendEvent } from '../processes/process-events';
import { ProcessOperations } from '../processes/process-operations.service';
import { RegisterProcess } from '../processes/register-process.use-case';
import type {
  AttachAttendanceDto,
  AttendanceDto,
  AttendanceListDto,
  AttendancesQuery,
  AttendanceUploadDto,
  ConvertAttendanceDto,
  CreateAttendanceDto,
} from './dto/attendance.dto';

export const ATTENDANCE_NOT_FOUND = 'Atendimento não encontrado.';

/** The least level of the Termo de atendimento and the files received, in the process they join. */
const ATTENDANCE_DOCUMENT_LEVEL = 1;

/** Viewer-bound queries bind the viewer as `$2` and the application's "now" as `$3`. */
const VIEWER: ViewerSql = { user: '$2', now: '$3' };

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface Row {
  id: string;
  protocol: string;
  unit_id: string;
  unit_name: string;
  kind: AttendanceDto['kind'];
  person_name: string;
  person_cpf: string;
  person_contact: string | null;
  subject_code: string;
  subject_name: string;
  account: string;
  supplier_cnpj: string | null;
  supplier_name: string | null;
  complaint_category: string | null;
  staff_id: string;
  staff_name: string;
  attended_at: Date;
  outcome: AttendanceDto['outcome'];
  process_id: string | null;
  process_number: string | null;
  version: number;
}

const SELECT = `
  SELECT a.id, a.protocol, a.unit_id, un.name AS unit_name, a.kind, a.person_name, a.person_cpf, a.person_contact,
         a.subject_code, s.name AS subject_name, a.account, a.supplier_cnpj, a.supplier_name, a.complaint_category,
         a.staff_id, st.full_name AS staff_name, a.attended_at, a.outcome, a.process_id, p.number AS process_number,
         a.version
    FROM attendances a
    JOIN units un ON un.id = a.unit_id
    JOIN subjects s ON s.code = a.subject_code
    JOIN users st ON st.id = a.staff_id
    LEFT JOIN processes p ON p.id = a.process_id`;

/**
 * Attendance and complaints intake (DOMAIN §10): a citizen's visit or call, or a consumer's
 * complaint, under a protocol number; it becomes a Notícia de Fato in one step, or joins an
 * existing process. Each change, with its events, is one transaction.
 */
@Injectable()
export class AttendancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registration: RegisterProcess,
    private readonly operations: ProcessOperations,
    private readonly documents: DocumentsService,
    private readonly settings: InstitutionSettingsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateAttendanceDto): Promise<AttendanceDto> {
    const kind = dto.kind ?? 'VISIT';
    const problems = attendanceProblems({ ...dto, kind });
    if (problems.length) throw new ValidationFailed(problems);
    const id = await this.dataSource.transaction(async (tx) => {
      const [unit] = await tx.query<{ code: string }[]>(`SELECT code FROM units WHERE id = $1`, [dto.unitId]);
      if (!unit) throw new ValidationFailed([{ field: 'unitId', message: 'órgão não encontrado' }]);
      if (!mayAttendIn(actor, dto.unitId)) throw new Forbidden('Seu perfil não registra atendimentos neste órgão.');
      const subject = await tx.query(`SELECT 1 FROM subjects WHERE code = $1 AND active`, [dto.subjectCode]);
      if (!subject.length) throw new ValidationFailed([{ field: 'subjectCode', message: 'assunto não encontrado' }]);
      const now = this.clock.now();
      const year = Number(localDate(now, (await this.settings.current(tx)).timeZone).slice(0, 4));
      const sequential = await nextYearlyNumber(tx, 'attendance_number_sequences', unit.code, year);
      const complaint = kind === 'COMPLAINT';
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO attendances (protocol, unit_id, kind, person_name, person_cpf, person_contact, subject_code,
           account, supplier_cnpj, supplier_name, complaint_category, staff_id, attended_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1) RETURNING id`,
        [
          formatAttendanceProtocol(unit.code, year, sequential),
          dto.unitId,
          kind,
          dto.personName.trim(),
          normalizeCpf(dto.personCpf),
          dto.personContact?.trim() || null,
          dto.subjectCode,
          dto.account.trim(),
          complaint ? normalizeCnpj(dto.supplierCnpj!) : null,
          complaint ? dto.supplierName!.trim() : null,
          complaint ? dto.complaintCategory : null,
          actor.userId,
          now,
        ],
      );
      return row.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string, db: EntityManager = this.dataSource.manager): Promise<AttendanceDto> {
    const [row] = await db.query<Row[]>(`${SELECT} WHERE a.id = $1`, [id]);
    if (!row || !mayReadAttendancesOf(actor, row.unit_id)) throw new NotFound(ATTENDANCE_NOT_FOUND);
    return (await this.toDtos(db, actor, [row]))[0];
  }

  /** The units' attendances, newest first; by protocol, CPF or part of the name. */
  async list(actor: Actor, query: AttendancesQuery): Promise<AttendanceListDto> {
    const units = this.readableUnits(actor, query.unitId);
    const params: unknown[] = [units];
    const where = ['a.unit_id = ANY($1::uuid[])'];
    if (query.q) {
      const q = query.q.trim();
      params.push(q.toUpperCase(), normalizeCpf(q), `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(a.protocol = $2 OR a.person_cpf = $3 OR lower(a.person_name) LIKE $4)`);
    }
    const after = decodeTimeCursor(query.cursor);
    if (after) {
      params.push(after.key[0], after.id);
      where.push(`(a.attended_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows = await this.dataSource.query<Row[]>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.attended_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await this.toDtos(this.dataSource.manager, actor, page),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ key: last.attended_at.toISOString(), id: last.id }) : null,
    };
  }

  /** A PDF the citizen handed in; it joins the process with the attendance. */
  async addFile(
    actor: Actor,
    id: string,
    file: UploadedFile | undefined,
    dto: AttendanceUploadDto,
  ): Promise<AttendanceDto> {
    const pdf = receivedPdf(file);
    return this.dataSource.transaction(async (tx) => {
      const a = await this.lockOpen(tx, actor, id);
      if (!mayAttendIn(actor, a.unit_id)) throw new Forbidden('Seu perfil não registra atendimentos neste órgão.');
      await tx.query(
        `INSERT INTO attendance_files (attendance_id, title, size, sha256, content, received_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, dto.title.trim(), pdf.length, sha256(pdf), pdf, this.clock.now()],
      );
      await tx.query(`UPDATE attendances SET version = version + 1 WHERE id = $1`, [id]);
      return this.get(actor, id, tx);
    });
  }

  /**
   * Converter em Notícia de Fato: registered in the attendance's unit, on the caller's right
   * to register there (its legal deadline starts), the person its party, the Termo de
   * atendimento and the files received its first documents, event Atendimento.
   */
  convert(actor: Actor, id: string, dto: ConvertAttendanceDto): Promise<AttendanceDto> {
    return this.dataSource.transaction(async (tx) => {
      const a = await this.lockOpen(tx, actor, id, dto.version);
      const now = this.clock.now();
      const registered = await this.registration.register(
        tx,
        actor,
        {
          unitId: a.unit_id,
          classCode: 'NF',
          subjectCode: a.subject_code,
          summary: dto.summary?.trim() || `${a.subject_name} (atendimento ${a.protocol})`,
          secrecyLevel: dto.secrecyLevel ?? 0,
          oldProcess: false,
          // The citizen's name is not the public's (a secret party), and its CPF and contact
          // stay in the Termo, a document of its own level.
          parties: [{ name: a.person_name, type: 'Noticiante', secret: true }],
        },
        { at: now, authority: 'CALLER' },
      );
      const process = { id: registered.id, unitId: a.unit_id, secrecyLevel: dto.secrecyLevel ?? 0 };
      const documentIds = await this.joinInto(tx, actor, a, process);
      await appendEvent(tx, registered.id, now, {
        code: MOVEMENTS.ATTENDANCE.code,
        actorId: actor.userId,
        unitId: a.unit_id,
        documentIds,
        details: { protocol: a.protocol },
      });
      await this.close(tx, a.id, 'CONVERTED', registered.id, now);
      return this.get(actor, id, tx);
    });
  }

  /** Juntar a um processo: the attendance's term and files join a process the caller may write into. */
  async attach(actor: Actor, id: string, dto: AttachAttendanceDto): Promise<AttendanceDto> {
    await this.operations.operate(actor, dto.processId, 'insert-documents', {}, async (tx, p, at) => {
      const a = await this.lockOpen(tx, actor, id, dto.version);
      if (a.unit_id !== p.unitId) {
        throw new ValidationFailed([{ field: 'processId', message: 'o processo não está no órgão do atendimento' }]);
      }
      const documentIds = await this.joinInto(tx, actor, a, p);
      await this.close(tx, a.id, 'ATTACHED', p.id, at);
      return {
        set: {},
        event: { code: MOVEMENTS.ATTENDANCE.code, documentIds, details: { protocol: a.protocol } },
      };
    });
    return this.get(actor, id);
  }

  /** The caller's units it may read attendances of (403 for one it may not). */
  readableUnits(actor: Actor, unitId?: string): string[] {
    const units = [
      ...new Set(
        actor.assignments.flatMap((a) => (a.unitId && mayReadAttendancesOf(actor, a.unitId) ? [a.unitId] : [])),
      ),
    ];
    if (unitId === undefined) return units;
    if (!units.includes(unitId)) throw new Forbidden('Você não vê os atendimentos deste órgão.');
    return [unitId];
  }

  /** The attendance, locked, still open, at the version the caller read (404 / 409 otherwise). */
  private async lockOpen(tx: EntityManager, actor: Actor, id: string, version?: number): Promise<Row> {
    const [locked] = await tx.query<{ id: string }[]>(`SELECT id FROM attendances WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = locked ? await tx.query<Row[]>(`${SELECT} WHERE a.id = $1`, [id]) : [];
    if (!row || !mayReadAttendancesOf(actor, row.unit_id)) throw new NotFound(ATTENDANCE_NOT_FOUND);
    if (row.outcome) {
      const [shown] = await this.hideUnseen(tx, actor, [row]);
      const where = shown.process_number ? ` ${shown.process_number}` : '';
      throw new Conflict(
        row.outcome === 'CONVERTED'
          ? `Atendimento já convertido no processo${where}.`
          : `Atendimento já juntado ao processo${where}.`,
      );
    }
    if (version !== undefined && row.version !== version) throw staleVersion('O atendimento foi alterado');
    return row;
  }

  /** The Termo de atendimento and the files received, as documents joined (juntados) to the process. */
  private async joinInto(
    tx: EntityManager,
    actor: Actor,
    a: Row,
    p: { id: string; unitId: string; secrecyLevel: number },
  ): Promise<string[]> {
    const settings = await this.settings.current(tx);
    const html = attendanceTermHtml({
      protocol: a.protocol,
      unitName: a.unit_name,
      attendedOn: localDate(a.attended_at, settings.timeZone).split('-').reverse().join('/'),
      staffName: a.staff_name,
      personName: a.person_name,
      personCpf: a.person_cpf,
      personContact: a.person_contact,
      subject: `${a.subject_code} — ${a.subject_name}`,
      account: a.account,
      supplier: a.supplier_cnpj
        ? {
            cnpj: a.supplier_cnpj,
            name: a.supplier_name ?? '',
            category: COMPLAINT_CATEGORIES[a.complaint_category as keyof typeof COMPLAINT_CATEGORIES],
          }
        : null,
    });
    // What the citizen told and handed in is personal data: at least level 1 (the unit's
    // staff within their cap), whatever the process's own level.
    const base = { processId: p.id, unitId: p.unitId, level: Math.max(ATTENDANCE_DOCUMENT_LEVEL, p.secrecyLevel) };
    const termId = await this.documents.insert(tx, actor, {
      ...base,
      typeCode: 'TERMO',
      title: `Termo de atendimento ${a.protocol}`,
      html,
    });
    const [{ html: stored }] = await tx.query<{ html: string }[]>(`SELECT html FROM documents WHERE id = $1`, [termId]);
    await this.documents.freeze(tx, actor, { id: termId, format: 'HTML', html: stored }, p);
    const ids = [termId];
    const files = await tx.query<{ id: string; title: string; content: Buffer }[]>(
      `SELECT id, title, content FROM attendance_files WHERE attendance_id = $1 ORDER BY received_at, id`,
      [a.id],
    );
    for (const f of files) {
      const documentId = await this.documents.insert(tx, actor, {
        ...base,
        typeCode: 'DOCUMENTO_RECEBIDO',
        title: f.title,
        pdf: f.content,
      });
      await this.documents.freeze(tx, actor, { id: documentId, format: 'PDF', html: null }, p);
      // Kept once, in the process, under its secrecy: the attendance keeps only the reference.
      await tx.query(`UPDATE attendance_files SET document_id = $2, content = NULL WHERE id = $1`, [f.id, documentId]);
      ids.push(documentId);
    }
    return ids;
  }

  private async close(
    tx: EntityManager,
    id: string,
    outcome: 'CONVERTED' | 'ATTACHED',
    processId: string,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE attendances SET outcome = $2, process_id = $3, outcome_at = $4, version = version + 1 WHERE id = $1`,
      [id, outcome, processId, at],
    );
  }

  /** The rows as the viewer may read them: a process it may not see in full is not named (§4.1). */
  private async hideUnseen(db: EntityManager, actor: Actor, rows: Row[]): Promise<Row[]> {
    const ids = rows.flatMap((r) => (r.process_id ? [r.process_id] : []));
    if (ids.length === 0) return rows;
    const seen = new Set(
      (
        await db.query<{ id: string }[]>(
          `SELECT p.id FROM processes p WHERE p.id = ANY($1::uuid[]) AND ${fullContentSql('p', VIEWER)}`,
          [ids, actor.userId, this.clock.now()],
        )
      ).map((p) => p.id),
    );
    return rows.map((r) =>
      r.process_id && !seen.has(r.process_id) ? { ...r, process_id: null, process_number: null } : r,
    );
  }

  private async toDtos(db: EntityManager, actor: Actor, rows: Row[]): Promise<AttendanceDto[]> {
    const shown = await this.hideUnseen(db, actor, rows);
    return Promise.all(shown.map((r) => this.toDto(db, r)));
  }

  private async toDto(db: EntityManager, r: Row): Promise<AttendanceDto> {
    const files = await db.query<
      { id: string; title: string; size: number; sha256: string; received_at: Date; document_id: string | null }[]
    >(
      `SELECT id, title, size, sha256, received_at, document_id FROM attendance_files WHERE attendance_id = $1
        ORDER BY received_at, id`,
      [r.id],
    );
    return {
      id: r.id,
      protocol: r.protocol,
      unitId: r.unit_id,
      unitName: r.unit_name,
      kind: r.kind,
      personName: r.person_name,
      personCpf: r.person_cpf,
      personContact: r.person_contact,
      subjectCode: r.subject_code,
      subjectName: r.subject_name,
      account: r.account,
      supplierCnpj: r.supplier_cnpj,
      supplierName: r.supplier_name,
      complaintCategory: r.complaint_category,
      staffId: r.staff_id,
      staffName: r.staff_name,
      attendedAt: r.attended_at.toISOString(),
      outcome: r.outcome,
      processId: r.process_id,
      processNumber: r.process_number,
      version: r.version,
      files: files.map((f) => ({
        id: f.id,
        title: f.title,
        size: f.size,
        sha256: f.sha256,
        receivedAt: f.received_at.toISOString(),
        documentId: f.document_id,
      })),
    };
  }
}
