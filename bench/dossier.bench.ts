/**
 * "Baixar processo como pdf" of a long process: BENCH_DOSSIER_DOCUMENTS (default 200) signed
 * documents — half uploaded PDFs of five scanned pages (≈1 MB each), half rich text of a few
 * pages — and their events, bound into one PDF by `dossierPdf` and streamed to a counting sink.
 * Prints the time, the size and the pages; checks the file with qpdf (when installed); then,
 * in a second run sampling the heap and buffers after forced collections, what the binding
 * retains at its peak. Fails when that is not flat (over 32 MB whatever the file's size: one
 * document at a time, never the file) or the file is not sound.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { SystemClock } from '@acervo/runtime';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { AccessLog } from '../apps/api/src/common/audit/access-log';
import type { Actor } from '../apps/api/src/common/auth/actor';
import { InstitutionSettingsService } from '../apps/api/src/modules/catalogues/institution-settings.service';
import { dossierPdf } from '../apps/api/src/modules/dossier/dossier-pdf';
import { DossierReader } from '../apps/api/src/modules/dossier/dossier-reader';
import { ProcessReader } from '../apps/api/src/modules/processes/process-reader';
import { log, retainedAtPeak, runBench, withBenchDatabase, writeResults } from './bench-database';

const DOCUMENTS = Number(process.env.BENCH_DOSSIER_DOCUMENTS ?? 200);
const SCANNED_PAGES = 5;
/** A file of ≈100 MB bound while holding far less: keeping the file, or all documents, would fail it. */
const FLAT_MB = 32;

/** A scanned document: each page an incompressible 256×256 RGB image (≈200 KB). */
async function scannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let n = 0; n < SCANNED_PAGES; n++) {
    const page = pdf.addPage();
    const image = pdf.context.register(
      pdf.context.stream(randomBytes(256 * 256 * 3), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: 256,
        Height: 256,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const name = page.node.newXObject('Scan', image);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(500, 0, 0, 700, 50, 70),
      drawObject(name as PDFName),
      popGraphicsState(),
    );
  }
  return Buffer.from(await pdf.save());
}

const RICH = `<h2>Relatório</h2>${'<p>O <strong>Ministério Público</strong> apurou, nos autos, que a prestação de contas do convênio não foi apresentada no prazo, razão pela qual requisita informações ao gestor, no prazo de dez dias úteis.</p><ul><li>item um</li><li>item dois</li></ul>'.repeat(25)}`;

async function main(): Promise<boolean> {
  return withBenchDatabase('dossier', async (db) => {
    const clock = new SystemClock();
    const [unit] = await db.query<{ id: string }[]>(
      `INSERT INTO units (code, name, kind, city, uf, version) VALUES ('D01', 'Promotoria', 'PROSECUTION_OFFICE', 'Maceió', 'AL', 1) RETURNING id`,
    );
    const [member] = await db.query<{ id: string }[]>(
      `INSERT INTO users (username, full_name, email, version) VALUES ('membro', 'Membro', 'm@mp', 1) RETURNING id`,
    );
    await db.query(`INSERT INTO assignments (user_id, unit_id, profile, secretaria) VALUES ($1, $2, 'MEMBER', true)`, [
      member.id,
      unit.id,
    ]);
    const [autos] = await db.query<{ id: string; number: string }[]>(
      `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
         registered_by, location, located_at, access_key, event_count, version)
       VALUES ('D01.2026.000001', 'IC', '10011', 'Autos longos', $1, $1, now(), $2, 'SECRETARIA', now(), 'K', $3, 1)
       RETURNING id, number`,
      [unit.id, member.id, DOCUMENTS],
    );
    const scanned = await scannedPdf();
    const seeded = Date.now();
    for (let n = 1; n <= DOCUMENTS; n++) {
      const pdf = n % 2 === 0;
      const [doc] = await db.query<{ id: string }[]>(
        `INSERT INTO documents (process_id, unit_id, type_code, title, format, html, secrecy_level, status, created_by,
           created_at, updated_at, signed_by, signed_at, sha256, version)
         VALUES ($1, $2, 'DESPACHO', $3, $4, $5, 0, 'SIGNED', $6, now(), now(), $6, now() + $7 * interval '1 second', 'x', 1)
         RETURNING id`,
        [autos.id, unit.id, `Documento ${n}`, pdf ? 'PDF' : 'HTML', pdf ? null : RICH, member.id, n],
      );
      if (pdf) {
        await db.query(
          `INSERT INTO document_files (document_id, content_type, size, sha256, content) VALUES ($1, 'application/pdf', $2, 'x', $3)`,
          [doc.id, scanned.length, scanned],
        );
      }
    }
    await db.query(
      `INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details, document_ids)
       SELECT $1, k, '900006', $2, $3, now(), '{}', '{}' FROM generate_series(1, $4::int) k`,
      [autos.id, member.id, unit.id, DOCUMENTS],
    );
    log(
      `seeded ${DOCUMENTS} documents (${DOCUMENTS / 2} PDFs of ${(scanned.length / 1e6).toFixed(1)} MB) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );

    const actor: Actor = {
      userId: member.id,
      username: 'membro',
      sessionId: 'bench',
      assignments: [{ unitId: unit.id, profile: 'MEMBER', secretaria: true, linkedMemberId: null }],
    };
    const settings = new InstitutionSettingsService(db, undefined as never);
    const reader = new DossierReader(db, new ProcessReader(db, new AccessLog(), clock), settings, clock);
    const bind = async (sink: (chunk: Buffer) => void) => {
      const source = (await reader.open(actor, autos.id))!;
      for await (const chunk of dossierPdf(source)) sink(chunk);
    };

    // First run: to a file, checked by qpdf when it is installed.
    const dir = await mkdtemp(join(tmpdir(), 'dossier-bench-'));
    const file = join(dir, 'autos.pdf');
    const out = createWriteStream(file);
    let size = 0;
    const t0 = performance.now();
    await bind((chunk) => {
      size += chunk.length;
      out.write(chunk);
    });
    out.end();
    await finished(out);
    const seconds = (performance.now() - t0) / 1000;
    let sound = true;
    let pages: number | null = null;
    try {
      execFileSync('qpdf', ['--check', file], { stdio: 'ignore' });
      pages = Number(execFileSync('qpdf', ['--show-npages', file]).toString().trim());
    } catch (error) {
      sound = (error as NodeJS.ErrnoException).code === 'ENOENT'; // qpdf absent: not checked
    }
    await rm(dir, { recursive: true, force: true });

    // Second run: retained memory, sampled after forced collections.
    const { growthMb, samples } = await retainedAtPeak(() => bind(() => undefined), 50);
    const flat = growthMb <= FLAT_MB;
    const expectedPages = (DOCUMENTS / 2) * SCANNED_PAGES;
    log(
      `bound ${DOCUMENTS} documents into ${(size / 1024 / 1024).toFixed(1)} MB` +
        `${pages ? `, ${pages} pages` : ''} in ${seconds.toFixed(1)} s; ` +
        `${sound ? (pages ? 'qpdf: sound' : 'qpdf not installed: not checked') : 'qpdf: BROKEN'}; ` +
        `retained at peak ${growthMb.toFixed(1)} MB over ${samples} samples ${flat ? 'flat' : 'NOT FLAT'} (≤ ${FLAT_MB} MB)`,
    );
    await writeResults('dossier', { documents: DOCUMENTS, seconds, size, pages, growthMb });
    return sound && flat && (pages === null || pages > expectedPages);
  });
}

runBench(main);
