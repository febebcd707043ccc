import { NotFound } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Actor, ClientInfo } from '../../common/auth/actor';
import { PROCESS_NOT_FOUND, ProcessReader } from '../processes/process-reader';
import { dossierHtml } from './dossier-html';
import { dossierPdf } from './dossier-pdf';
import { DossierReader, type DossierSource } from './dossier-reader';

/** A chunk is made only when the client has taken the one before (a chunk may be a whole image). */
const paced = (chunks: AsyncIterable<Buffer | string>) => Readable.from(chunks, { highWaterMark: 1 });

export interface DossierFile {
  filename: string;
  stream: Readable;
}

/**
 * The whole process (autos) as PDF or HTML, for a viewer who sees it in full: every process
 * of the tree is logged as read before anything is sent, then the file is streamed.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly reader: DossierReader,
    private readonly processes: ProcessReader,
  ) {}

  async pdf(viewer: Actor, id: string, client: ClientInfo | null): Promise<DossierFile> {
    const source = await this.open(viewer, id, 'PDF', client);
    return { filename: `processo-${source.tree[0].number}.pdf`, stream: paced(dossierPdf(source)) };
  }

  async html(viewer: Actor, id: string, client: ClientInfo | null): Promise<DossierFile> {
    const source = await this.open(viewer, id, 'HTML', client);
    return { filename: `processo-${source.tree[0].number}.html`, stream: paced(dossierHtml(source)) };
  }

  private async open(
    viewer: Actor,
    id: string,
    how: 'PDF' | 'HTML',
    client: ClientInfo | null,
  ): Promise<DossierSource> {
    const source = await this.reader.open(viewer, id);
    if (!source) throw new NotFound(PROCESS_NOT_FOUND);
    for (const p of source.tree) await this.processes.logAccess(viewer, p.id, how, client);
    return source;
  }
}
