import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { PAGE_POLICY } from './dossier-html';
import { type DossierFile, DossierService } from './dossier.service';

const NO_STORE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

@ApiTags('processes')
@Controller('processes/:id')
export class DossierController {
  constructor(private readonly dossier: DossierService) {}

  @Authenticated()
  @Get('pdf')
  @ApiOperation({
    summary:
      'Baixar processo como pdf: cover, events and every signed document the caller may see (uploaded PDFs merged), ' +
      'attached processes included, each page stamped with the number and folio; streamed',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment' })
  @ApiNotFoundResponse({ description: 'No such process, or not one the caller sees in full' })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
    @Client() client: ClientInfo,
  ): Promise<StreamableFile> {
    const file = await this.dossier.pdf(actor, id, client);
    res.set({ ...NO_STORE, 'Content-Security-Policy': 'sandbox' });
    return this.stream(file, 'application/pdf', 'attachment');
  }

  @Authenticated()
  @Get('html')
  @ApiOperation({
    summary:
      'Visualizar processo com html: the same content as one page (rich-text documents inline, PDFs named); streamed',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page, inert: no scripts run, nothing is fetched' })
  @ApiNotFoundResponse({ description: 'No such process, or not one the caller sees in full' })
  async html(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
    @Client() client: ClientInfo,
  ): Promise<StreamableFile> {
    const file = await this.dossier.html(actor, id, client);
    res.set({ ...NO_STORE, 'Content-Security-Policy': `sandbox; ${PAGE_POLICY}` });
    return this.stream(file, 'text/html; charset=utf-8', 'inline');
  }

  /**
   * Streamed as written; a failure once bytes are on the wire cuts the connection (Nest's
   * handler), so the client sees a failed download, never a file that looks whole.
   */
  private stream(file: DossierFile, type: string, disposition: 'attachment' | 'inline'): StreamableFile {
    return new StreamableFile(file.stream, { type, disposition: `${disposition}; filename="${file.filename}"` });
  }
}
