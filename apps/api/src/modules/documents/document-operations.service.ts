import { canonicalOriginNumber, conversionProblems, MOVEMENTS, ValidationFailed } from '@acervo/domain';
import { MovementTypesStore } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { endOpenDeadlines, openLegalDeadline, unitCalendar } from '../deadlines/deadline-store';
import type { OperationResultDto } from '../processes/dto/operations.dto';
import { type Locked, ProcessOperations } from '../processes/process-operations.service';
import { DocumentsService, type Row } from './documents.service';
import type { ConvertDto, DocumentIdsDto, LinkDraftDto, MoveDto } from './dto/document.dto';

/**
 * Operations of a process that take documents: Inserir documentos (standalone ones,
 * for good), Vincular minuta (a standalone one, as a draft) and Movimentar (an event
 * with its documents). They share the process operations' locking, version and rules.
 */
@Injectable()
export class DocumentOperations {
  constructor(
    private readonly operations: ProcessOperations,
    private readonly documents: DocumentsService,
  ) {}

  insertDocuments(actor: Actor, processId: string, dto: DocumentIdsDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, processId, 'insert-documents', dto, async (tx, p) => {
      const docs = await this.standalone(tx, actor, p, dto.documentIds, 'documentIds');
      for (const doc of docs) await this.documents.freeze(tx, actor, doc, { id: p.id, unitId: p.unitId });
      return { set: {}, event: { code: MOVEMENTS.DOCUMENT_ADDED.code, documentIds: dto.documentIds } };
    });
  }

  linkDraft(actor: Actor, processId: string, dto: LinkDraftDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, processId, 'link-draft', dto, async (tx, p) => {
      await this.standalone(tx, actor, p, [dto.documentId], 'documentId');
      await tx.query(`UPDATE documents SET process_id = $2, version = version + 1 WHERE id = $1`, [
        dto.documentId,
        p.id,
      ]);
      return { set: {}, event: { code: MOVEMENTS.DRAFT_LINKED.code, documentIds: [dto.documentId] } };
    });
  }

  move(actor: Actor, processId: string, dto: MoveDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, processId, 'move', dto, async (tx, p) => {
      const manual = await new MovementTypesStore(tx).manualIfActive(dto.movementCode);
      if (manual === undefined) {
        throw new ValidationFailed([{ field: 'movementCode', message: 'movimento não encontrado' }]);
      }
      // A system movement comes only from its own operation, or the RAF would count what was not done.
      if (!manual) {
        throw new ValidationFailed([
          { field: 'movementCode', message: 'movimento do sistema: é registrado pela própria operação' },
        ]);
      }
      const ids = dto.documentIds ?? [];
      const signed = await tx.query<{ id: string }[]>(
        `SELECT id FROM documents WHERE id = ANY($1::uuid[]) AND process_id = $2 AND status = 'SIGNED' AND trashed_at IS NULL`,
        [ids, p.id],
      );
      const known = new Set(signed.map((d) => d.id));
      const problems = ids.flatMap((id, i) =>
        known.has(id) ? [] : [{ field: `documentIds.${i}`, message: 'não é documento assinado deste processo' }],
      );
      if (problems.length) throw new ValidationFailed(problems);
      return {
        set: {},
        event: {
          code: dto.movementCode,
          documentIds: ids,
          details: dto.description ? { description: dto.description.trim() } : {},
        },
      };
    });
  }

  /**
   * Converter classe: NF→PP and PP→IC instaurate with a portaria (written here as a draft
   * for the member to sign); to a judicial class the court's CNJ number is recorded.
   */
  convert(actor: Actor, processId: string, dto: ConvertDto): Promise<OperationResultDto> {
    return this.operations.operate(actor, processId, 'convert', dto, async (tx, p, now) => {
      const [target] = await tx.query<{ kind: 'EXTRAJUDICIAL' | 'JUDICIAL' }[]>(
        `SELECT kind FROM classes WHERE code = $1 AND active`,
        [dto.classCode],
      );
      if (!target) throw new ValidationFailed([{ field: 'classCode', message: 'classe não encontrada ou inativa' }]);
      const problems = conversionProblems({
        from: p.classCode,
        to: dto.classCode,
        toKind: target.kind,
        hasPortaria: !!dto.portaria,
        originNumber: dto.originNumber ?? null,
      });
      if (problems.length) throw new ValidationFailed(problems);
      const documentIds: string[] = [];
      if (dto.portaria) {
        documentIds.push(
          await this.documents.insert(tx, actor, {
            processId: p.id,
            unitId: p.unitId,
            typeCode: 'PORTARIA',
            title: dto.portaria.title,
            level: p.secrecyLevel,
            html: dto.portaria.content,
          }),
        );
      }
      const origin = canonicalOriginNumber(dto.originNumber ?? null);
      // The new class's legal term replaces the old one's (DOMAIN §6).
      await endOpenDeadlines(tx, p.id, now, actor.userId, 'LEGAL');
      const legalDeadline = await openLegalDeadline(
        tx,
        { processId: p.id, classCode: dto.classCode, actorId: actor.userId },
        now,
        await unitCalendar(tx, p.unitId, now),
      );
      return {
        set: { class_code: dto.classCode, ...(origin ? { origin_number: origin } : {}) },
        event: {
          code: MOVEMENTS.CLASS_CONVERTED.code,
          documentIds,
          details: {
            fromClassCode: p.classCode,
            toClassCode: dto.classCode,
            ...(origin ? { originNumber: origin } : {}),
            ...(legalDeadline ? { legalDeadline } : {}),
          },
        },
      };
    });
  }

  /** Standalone documents addressed to the process's unit, not yet in any process. */
  private async standalone(tx: EntityManager, actor: Actor, p: Locked, ids: string[], field: string): Promise<Row[]> {
    if (!ids.length) throw new ValidationFailed([{ field, message: 'informe ao menos um documento' }]);
    const docs: Row[] = [];
    for (const [i, id] of ids.entries()) {
      const doc = await this.documents.lockVisible(tx, actor, id);
      const name = ids.length > 1 || field === 'documentIds' ? `${field}.${i}` : field;
      if (!doc.standalone || doc.process_id) {
        throw new ValidationFailed([{ field: name, message: 'não é documento avulso pendente' }]);
      }
      if (doc.unit_id !== p.unitId) {
        throw new ValidationFailed([{ field: name, message: 'o documento é dirigido a outro órgão' }]);
      }
      docs.push(doc);
    }
    return docs;
  }
}
