import { brazilianDate } from '@acervo/domain';
import type { EventDto } from '../processes/dto/process-view.dto';
import type { DossierDocument, DossierProcess } from './dossier-reader';

const LOCATION: Readonly<Record<string, string>> = {
  SECRETARIA: 'Na Secretaria',
  CONCLUSO: 'Concluso',
  EXTERNAL: 'Em órgão externo',
  ARCHIVED: 'Arquivado',
  ATTACHED: 'Anexado',
};

/** Instants as the institution's clock reads them: "23/11/2026 14:05". */
export function dateTimeIn(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('pt-BR', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (at) => format.format(at).replace(',', '');
}

/** The cover's facts, label and value, in the order both the PDF and the HTML show them. */
export function coverFacts(p: DossierProcess, dateTime: (at: Date) => string): [string, string][] {
  const facts: [string, string | null][] = [
    ['Classe', p.className],
    ['Assunto', p.subjectName],
    ['Órgão', p.unitName],
    ['Situação', LOCATION[p.location] ?? p.location],
    ['Órgão externo', p.externalOrgan],
    ['Nível de sigilo', String(p.secrecyLevel)],
    ['Registrado em', dateTime(p.registeredAt)],
    ['Instaurado em', p.instauratedOn ? brazilianDate(p.instauratedOn) : null],
    ['Número de origem', p.originNumber],
    ['Membro responsável', p.responsibleName],
    ['Prioridade', p.priority ? 'Sim' : null],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]);
}

/** "Despacho · assinado por Fulana em 23/11/2026 14:05": a document's line in the index and its header. */
export function documentLine(d: DossierDocument, dateTime: (at: Date) => string): string {
  return `${d.typeName} · assinado${d.signerName ? ` por ${d.signerName}` : ''} em ${dateTime(d.signedAt)}`;
}

export const processTitle = (p: DossierProcess) => `Processo ${p.number}`;

/** What the viewer is told about the file's scope: it holds what they may see, no more. */
export const scopeNote = (who: string, at: string) =>
  `Gerado por ${who} em ${at}. Contém os documentos assinados que este usuário pode ver.`;

/** Under an attached process's title: whose autos it is part of. */
export const attachedNote = (p: DossierProcess) =>
  p.principalNumber ? `Anexado — parte dos autos do processo ${p.principalNumber}` : null;

/** The titles of an event's documents that the viewer may see; the others are not named. */
export const eventDocumentTitles = (e: EventDto, visible: Map<string, string>): string[] =>
  e.documentIds.map((id) => visible.get(id)).filter((title): title is string => title !== undefined);
