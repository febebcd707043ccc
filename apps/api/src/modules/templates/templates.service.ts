import {
  type Clock,
  Conflict,
  Forbidden,
  mayManageTemplates,
  NotFound,
  renderTemplate,
  templateContext,
  templateProblems,
  templateUnitsOf,
  ValidationFailed,
} from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor, ClientInfo } from '../../common/auth/actor';
import { ProcessReader } from '../processes/process-reader';
import { translateConstraint } from '../../common/database-errors';
import { staleVersion } from '../../common/stale-version';
import { sanitiseDocumentHtml } from '../documents/html-sanitiser';
import { DocumentsService } from '../documents/documents.service';
import type {
  CreateTemplateDto,
  FromTemplateResultDto,
  PreviewTemplateDto,
  RenderedDto,
  TemplateDto,
  TemplateListDto,
  UpdateTemplateDto,
} from './dto/template.dto';
import { templateSource } from './template-source';

const NOT_FOUND = 'Modelo não encontrado.';
/**
 * A body as it is kept: its tags checked as the author wrote them (positions match what was
 * sent), then sanitised like any rich text — no script is ever stored or served — and
 * checked again, so sanitising cannot have dropped or broken a tag unseen.
 */
function keptBody(body: string): string {
  const problems = templateProblems(body);
  if (problems.length) throw new ValidationFailed(problems, 'O modelo tem tags inválidas.');
  const clean = sanitiseDocumentHtml(body);
  if (templateProblems(clean).length || tagCount(clean) !== tagCount(body)) {
    throw new ValidationFailed([{ field: 'body', message: 'há tags dentro de marcação que não é permitida' }]);
  }
  return clean;
}

const tagCount = (body: string) => body.split('${').length - 1;

/** The type of the drafts a template makes when none is named: the most common minuta. */
const DEFAULT_TYPE = 'DESPACHO';

const duplicateName = () =>
  new Conflict('Já existe um modelo com este nome.', [{ field: 'name', message: 'nome já usado' }]);

interface TemplateRow {
  id: string;
  name: string;
  type_code: string;
  unit_id: string | null;
  current_version: number;
  body: string;
}

/**
 * Templates (DOMAIN §7): the institution's and each unit's, versioned; a body with an
 * unknown or malformed tag is refused, each named with its position. Rendering resolves
 * the homologated tags against a process the author may see, and a draft made from a
 * template keeps the version that made it.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly reader: ProcessReader,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The institution's templates and those of the caller's units. */
  async list(actor: Actor): Promise<TemplateListDto> {
    const rows = await this.dataSource.query<TemplateRow[]>(
      `SELECT t.id, t.name, t.type_code, t.unit_id, t.current_version, '' AS body FROM templates t
        WHERE t.unit_id IS NULL OR t.unit_id = ANY($1::uuid[]) ORDER BY lower(t.name), t.id`,
      [templateUnitsOf(actor)],
    );
    return { items: rows.map(summary) };
  }

  async get(actor: Actor, id: string): Promise<TemplateDto> {
    const t = await this.usable(this.dataSource.manager, actor, id);
    const versions = await this.dataSource.query<{ version: number }[]>(
      `SELECT version FROM template_versions WHERE template_id = $1 ORDER BY version`,
      [id],
    );
    return { ...summary(t), body: t.body, versions: versions.map((v) => v.version) };
  }

  async create(actor: Actor, dto: CreateTemplateDto): Promise<TemplateDto> {
    const unitId = dto.unitId ?? this.defaultUnit(actor);
    if (!mayManageTemplates(actor, unitId)) {
      throw new Forbidden('Seu perfil não escreve modelos deste órgão.');
    }
    const body = keptBody(dto.body);
    const now = this.clock.now();
    try {
      const id = await this.dataSource.transaction(async (tx) => {
        await this.checkType(tx, dto.typeCode ?? DEFAULT_TYPE);
        const [row] = await tx.query<{ id: string }[]>(
          `INSERT INTO templates (name, type_code, unit_id, current_version, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, 1, $4, $5, $5) RETURNING id`,
          [dto.name.trim(), dto.typeCode ?? DEFAULT_TYPE, unitId, actor.userId, now],
        );
        await this.addVersion(tx, row.id, 1, dto.name.trim(), body, actor.userId, now);
        return row.id;
      });
      return this.get(actor, id);
    } catch (e) {
      throw translateConstraint(e, { UQ_templates_unit_name: duplicateName });
    }
  }

  /** An edit is a new version; documents already made keep theirs. */
  async update(actor: Actor, id: string, dto: UpdateTemplateDto): Promise<TemplateDto> {
    const now = this.clock.now();
    try {
      await this.dataSource.transaction(async (tx) => {
        const [t] = await tx.query<TemplateRow[]>(
          `SELECT id, name, type_code, unit_id, current_version FROM templates WHERE id = $1 FOR UPDATE`,
          [id],
        );
        if (!t || (t.unit_id !== null && !templateUnitsOf(actor).includes(t.unit_id))) throw new NotFound(NOT_FOUND);
        if (!mayManageTemplates(actor, t.unit_id)) throw new Forbidden('Seu perfil não escreve modelos deste órgão.');
        if (t.current_version !== dto.version) throw staleVersion('O modelo foi alterado');
        // Checked once the caller may write it: nobody else makes the server parse a body.
        const body = keptBody(dto.body);
        const version = t.current_version + 1;
        const name = dto.name?.trim() ?? t.name;
        await tx.query(`UPDATE templates SET name = $2, current_version = $3, updated_at = $4 WHERE id = $1`, [
          id,
          name,
          version,
          now,
        ]);
        await this.addVersion(tx, id, version, name, body, actor.userId, now);
      });
    } catch (e) {
      throw translateConstraint(e, { UQ_templates_unit_name: duplicateName });
    }
    return this.get(actor, id);
  }

  /**
   * A body, saved or not, rendered against a process whose content the author sees (the
   * source is read through the policy: 404 otherwise); only the access log is written.
   */
  async preview(actor: Actor, dto: PreviewTemplateDto, client: ClientInfo | null): Promise<RenderedDto> {
    const source = await templateSource(
      this.dataSource.manager,
      { userId: actor.userId, now: this.clock.now() },
      dto.processId,
    );
    const problems = templateProblems(dto.body);
    if (problems.length) throw new ValidationFailed(problems, 'O modelo tem tags inválidas.');
    // Rendering reads the process's content (parties, origin, distribution): logged like a view.
    await this.reader.logAccess(actor, dto.processId, 'TEMPLATE', client);
    return { content: sanitiseDocumentHtml(renderTemplate(dto.body, templateContext(source))) };
  }

  /** A draft (minuta) in the process, rendered from the template's current version. */
  async draft(
    actor: Actor,
    processId: string,
    templateId: string,
    client: ClientInfo | null,
  ): Promise<FromTemplateResultDto> {
    const t = await this.usable(this.dataSource.manager, actor, templateId).catch((e: unknown) => {
      if (e instanceof NotFound)
        throw new ValidationFailed([{ field: 'templateId', message: 'modelo não encontrado' }]);
      throw e;
    });
    const doc = await this.documents.draftFromTemplate(
      actor,
      processId,
      { id: t.id, version: t.current_version, typeCode: t.type_code, title: t.name },
      async (tx) => {
        const source = await templateSource(tx, { userId: actor.userId, now: this.clock.now() }, processId);
        return renderTemplate(t.body, templateContext(source));
      },
    );
    await this.reader.logAccess(actor, processId, 'TEMPLATE', client);
    return { id: doc.id, content: doc.html ?? '', version: doc.version };
  }

  /** A template the actor may use: the institution's, or one of its units' (else 404). */
  private async usable(db: EntityManager, actor: Actor, id: string): Promise<TemplateRow> {
    const [t] = await db.query<TemplateRow[]>(
      `SELECT t.id, t.name, t.type_code, t.unit_id, t.current_version, v.body
         FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = t.current_version
        WHERE t.id = $1 AND (t.unit_id IS NULL OR t.unit_id = ANY($2::uuid[]))`,
      [id, templateUnitsOf(actor)],
    );
    if (!t) throw new NotFound(NOT_FOUND);
    return t;
  }

  /** Without a unit: the institution's for ADMIN; a member of one unit, that unit's. */
  private defaultUnit(actor: Actor): string | null {
    if (actor.assignments.some((a) => a.profile === 'ADMIN')) return null;
    const units = templateUnitsOf(actor);
    if (units.length === 1) return units[0];
    throw new ValidationFailed([{ field: 'unitId', message: 'informe o órgão do modelo' }]);
  }

  private async checkType(tx: EntityManager, typeCode: string): Promise<void> {
    const found = await tx.query(`SELECT 1 FROM document_types WHERE code = $1 AND active`, [typeCode]);
    if (!found.length) throw new ValidationFailed([{ field: 'typeCode', message: 'tipo de documento não encontrado' }]);
  }

  private async addVersion(
    tx: EntityManager,
    id: string,
    version: number,
    name: string,
    body: string,
    by: string,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO template_versions (template_id, version, name, body, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, version, name, body, by, at],
    );
  }
}

function summary(t: TemplateRow) {
  return { id: t.id, name: t.name, typeCode: t.type_code, unitId: t.unit_id, version: t.current_version };
}
