import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { PdfUpload } from '../../common/pdf-upload.decorator';
import { OperationResultDto } from '../processes/dto/operations.dto';
import { DocumentOperations } from './document-operations.service';
import { DocumentsService } from './documents.service';
import type { UploadedFile as Upload } from './pdf-upload';
import {
  ConvertDto,
  CreateDraftDto,
  DocumentDto,
  DocumentIdsDto,
  DocumentLevelDto,
  DocumentListDto,
  DocumentListQuery,
  DocumentVersionDto,
  LinkDraftDto,
  MoveDto,
  PendingStandalonePageDto,
  StandaloneDocumentDto,
  StandaloneQuery,
  StandaloneUploadDto,
  UpdateDraftDto,
  UploadDraftDto,
} from './dto/document.dto';

/** The text fields of a PDF draft's multipart body. */
const DRAFT_FIELDS = {
  typeCode: { type: 'string' },
  title: { type: 'string' },
  secrecyLevel: { type: 'integer', minimum: 0, maximum: 5 },
};

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly operations: DocumentOperations,
  ) {}

  @Authenticated()
  @Post('processes/:id/documents')
  @HttpCode(201)
  @ApiOperation({ summary: 'Write a draft (minuta) in rich text; its HTML is sanitised' })
  @ApiCreatedResponse({ type: DocumentDto })
  createDraft(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateDraftDto,
  ): Promise<DocumentDto> {
    return this.documents.createDraft(actor, id, dto);
  }

  @Authenticated()
  @Post('processes/:id/documents/upload')
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload a PDF as a draft (content type and magic bytes checked; 20 MB at most)' })
  @PdfUpload(DRAFT_FIELDS, ['typeCode', 'title'])
  @ApiCreatedResponse({ type: DocumentDto })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Upload | undefined,
    @Body() dto: UploadDraftDto,
  ): Promise<DocumentDto> {
    return this.documents.uploadDraft(actor, id, file, dto);
  }

  @Authenticated()
  @Get('processes/:id/documents')
  @ApiOperation({ summary: "The process's documents the caller may see (?trashed=true: its trash)" })
  @ApiOkResponse({ type: DocumentListDto })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DocumentListQuery,
    @Client() client: ClientInfo,
  ): Promise<DocumentListDto> {
    return this.documents.list(actor, id, query.trashed === 'true', client);
  }

  @Authenticated()
  @Post('documents')
  @HttpCode(201)
  @ApiOperation({ summary: 'Documento avulso: Protocolo registers a document addressed to a unit' })
  @ApiCreatedResponse({ type: DocumentDto })
  standalone(@CurrentActor() actor: Actor, @Body() dto: StandaloneDocumentDto): Promise<DocumentDto> {
    return this.documents.registerStandalone(actor, dto);
  }

  @Authenticated()
  @Post('documents/upload')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Documento avulso as a PDF (Protocolo): content type and magic bytes checked; 20 MB at most',
  })
  @PdfUpload({ unitId: { type: 'string', format: 'uuid' }, ...DRAFT_FIELDS }, ['unitId', 'typeCode', 'title'])
  @ApiCreatedResponse({ type: DocumentDto })
  uploadStandalone(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Upload | undefined,
    @Body() dto: StandaloneUploadDto,
  ): Promise<DocumentDto> {
    return this.documents.uploadStandalone(actor, file, dto);
  }

  // Declared before documents/:id, which would otherwise take "standalone" for an id.
  @Authenticated()
  @Get('documents/standalone')
  @ApiOperation({
    summary:
      'Documentos avulsos waiting to join a process: those addressed to your units or registered by you, newest first',
  })
  @ApiOkResponse({ type: PendingStandalonePageDto })
  pendingStandalone(@CurrentActor() actor: Actor, @Query() query: StandaloneQuery): Promise<PendingStandalonePageDto> {
    return this.documents.pendingStandalone(actor, query);
  }

  @Authenticated()
  @Get('documents/:id')
  @ApiOkResponse({ type: DocumentDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Client() client: ClientInfo,
  ): Promise<DocumentDto> {
    return this.documents.get(actor, id, client);
  }

  @Authenticated()
  @Get('documents/:id/content')
  @ApiOperation({ summary: 'Download: the PDF as uploaded, or the sanitised HTML' })
  @ApiProduces('application/pdf', 'text/html')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
    @Client() client: ClientInfo,
  ): Promise<StreamableFile> {
    const { doc, body, contentType } = await this.documents.content(actor, id, client);
    const name = `${doc.title.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 100)}.${doc.format === 'PDF' ? 'pdf' : 'html'}`;
    res.set({
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'private, no-store',
    });
    return new StreamableFile(body);
  }

  @Authenticated()
  @Patch('documents/:id')
  @ApiOperation({ summary: 'Edit a draft (signed documents are frozen)' })
  @ApiOkResponse({ type: DocumentDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDraftDto,
  ): Promise<DocumentDto> {
    return this.documents.update(actor, id, dto);
  }

  @Authenticated()
  @Post('documents/:id/sign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign (juntar): freezes the content and its SHA-256; members of the unit only' })
  @ApiOkResponse({ type: DocumentDto })
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DocumentVersionDto,
  ): Promise<DocumentDto> {
    return this.documents.sign(actor, id, dto.version);
  }

  @Authenticated()
  @Post('documents/:id/secrecy')
  @HttpCode(200)
  @ApiOperation({ summary: "A document's own level: at least its process's, within what the caller may assign (§4.2)" })
  @ApiOkResponse({ type: DocumentDto })
  setLevel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DocumentLevelDto,
  ): Promise<DocumentDto> {
    return this.documents.setLevel(actor, id, dto);
  }

  @Authenticated()
  @Delete('documents/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'To the trash (lixeira), restorable' })
  @ApiNoContentResponse()
  async trash(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.documents.trash(actor, id);
  }

  @Authenticated()
  @Post('documents/:id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: DocumentDto })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDto> {
    return this.documents.restore(actor, id);
  }

  @Authenticated()
  @Post('processes/:id/insert-documents')
  @HttpCode(200)
  @ApiOperation({ summary: 'Inserir documentos: standalone documents join the process for good' })
  @ApiOkResponse({ type: OperationResultDto })
  insert(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DocumentIdsDto) {
    return this.operations.insertDocuments(actor, id, dto);
  }

  @Authenticated()
  @Post('processes/:id/link-draft')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vincular minuta: a standalone document joins the process as a draft' })
  @ApiOkResponse({ type: OperationResultDto })
  linkDraft(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LinkDraftDto) {
    return this.operations.linkDraft(actor, id, dto);
  }

  @Authenticated()
  @Post('processes/:id/convert')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Converter classe: NF→PP/IC and PP→IC with the instauration portaria (a draft); to judicial with the CNJ number',
  })
  @ApiOkResponse({ type: OperationResultDto })
  convert(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConvertDto) {
    return this.operations.convert(actor, id, dto);
  }

  @Authenticated()
  @Post('processes/:id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Movimentar: an event of the taxonomy, with signed documents of the process' })
  @ApiOkResponse({ type: OperationResultDto })
  move(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MoveDto) {
    return this.operations.move(actor, id, dto);
  }
}
