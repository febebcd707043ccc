import { escapeHtml } from '@acervo/domain';
import { sanitiseDocumentHtml } from '../documents/html-sanitiser';
import { attachedNote, coverFacts, documentLine, eventDocumentTitles, processTitle, scopeNote } from './dossier-format';
import type { DossierDocument, DossierProcess, DossierSource } from './dossier-reader';

/** Also sent as a header; in the page too, so a saved copy stays as inert. */
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
section.process { border-top: 3px solid #1b1b1b; margin-top: 3rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; }
.note, .meta { color: #555; font-size: .85rem; }
table.events { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.events td, table.events th { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
article.document { border: 1px solid #ccc; border-radius: 4px; padding: 1rem 1.5rem; margin: 1.5rem 0; }
.content table { border-collapse: collapse; } .content td, .content th { border: 1px solid #999; padding: .2rem .4rem; }
.text-center { text-align: center; } .text-right { text-align: right; } .text-justify { text-align: justify; }
@media print { article.document { break-before: page; border: none; } }`;

/**
 * The whole process as one HTML page ("Visualizar processo com html"), written as it is
 * read: for each process of the tree, the cover, the events and every signed document the
 * viewer may see — rich text inline (sanitised once more on the way out), an uploaded PDF as
 * a card naming it. Everything else on the page is escaped text.
 */
export async function* dossierHtml(source: DossierSource): AsyncGenerator<string> {
  const { tree, dateTime, generated } = source;
  yield `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}"><title>${escapeHtml(processTitle(tree[0]))}</title><style>${STYLE}</style></head><body>`;
  for (const p of tree) {
    const documents = await source.documents(p.id);
    yield cover(p, documents, dateTime);
    yield `<h2>Movimentos</h2><table class="events"><thead><tr><th>#</th><th>Data</th><th>Movimento</th><th>Responsável</th><th>Documentos</th></tr></thead><tbody>`;
    const titles = new Map(documents.map((d) => [d.id, d.title]));
    for await (const batch of source.events(p.id)) {
      yield batch
        .map((e) => {
          const attached = eventDocumentTitles(e, titles);
          return `<tr><td>${e.sequence}</td><td>${dateTime(new Date(e.occurredAt))}</td><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.actorName ?? '')}</td><td>${attached.map(escapeHtml).join('<br>')}</td></tr>`;
        })
        .join('');
    }
    yield `</tbody></table><h2>Documentos</h2>`;
    for (const d of documents) {
      if (d.format === 'PDF') {
        yield article(d, dateTime, `<p class="note">Documento em PDF: abra-o pelo processo no Acervo.</p>`);
        continue;
      }
      const content = await source.content(d.id);
      if (content && 'html' in content) {
        yield article(d, dateTime, `<div class="content">${sanitiseDocumentHtml(content.html)}</div>`);
      }
    }
    yield `</section>`;
  }
  yield `<p class="note">${escapeHtml(scopeNote(generated.by, dateTime(generated.at)))}</p></body></html>`;
}

function cover(p: DossierProcess, documents: DossierDocument[], dateTime: (at: Date) => string): string {
  const facts = coverFacts(p, dateTime)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const parties = p.parties.map((party) => `<li>${escapeHtml(party.name)} — ${escapeHtml(party.type)}</li>`).join('');
  const index = documents
    .map(
      (d) =>
        `<li><a href="#doc-${d.id}">${escapeHtml(d.title)}</a> <span class="meta">${escapeHtml(documentLine(d, dateTime))}</span></li>`,
    )
    .join('');
  return (
    `<section class="process" id="process-${p.id}"><h1>${escapeHtml(processTitle(p))}</h1>` +
    (attachedNote(p) ? `<p class="note">${escapeHtml(attachedNote(p)!)}</p>` : '') +
    `<dl>${facts}</dl><h2>Resumo</h2><p>${escapeHtml(p.summary)}</p>` +
    `<h2>Interessados</h2>${parties ? `<ul>${parties}</ul>` : '<p class="note">Nenhum.</p>'}` +
    `<h2>Índice</h2>${index ? `<ol>${index}</ol>` : '<p class="note">Nenhum documento assinado visível.</p>'}`
  );
}

function article(d: DossierDocument, dateTime: (at: Date) => string, body: string): string {
  return (
    `<article class="document" id="doc-${d.id}"><h3>${escapeHtml(d.title)}</h3>` +
    `<p class="meta">${escapeHtml(documentLine(d, dateTime))} · SHA-256 ${escapeHtml(d.sha256)}</p>${body}</article>`
  );
}
