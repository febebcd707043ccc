import { brazilianDate, type DistributionRecord, distributionTags } from '../distribution/template-data';
import { parseProcessNumber } from '../processes/process-number';
import { partyNameFor } from '../secrecy/policy';
import { dateTags, type TemplateContext } from './render';
import type { ScalarTag } from './tags';

/** What a process offers the tags, as read for the author. */
export interface TemplateSource {
  process: {
    number: string;
    originNumber: string | null;
    classCode: string;
    className: string;
    subjectCode: string;
    subjectName: string;
    /** Registration day in the institution's zone, `YYYY-MM-DD`. */
    registeredOn: string;
    creatingUnitName: string;
    currentUnitName: string;
    /** Where the current unit sits, for "Local e data". */
    currentUnitCity: string;
    currentUnitUf: string;
  };
  /** The number the new document gets (its place among the process's documents). */
  documentNumber: string;
  /** Today in the institution's zone, `YYYY-MM-DD`. */
  today: string;
  distribution: DistributionRecord | null;
  parties: readonly { name: string; type: string; secret: boolean }[];
  /** Whether the author sees the process's full content: else secret parties are "Parte sigilosa". */
  authorSeesFull: boolean;
}

/** The values of every homologated tag for a process, and its parties as the author may see them. */
export function templateContext(source: TemplateSource): TemplateContext {
  const p = source.process;
  const parts = parseProcessNumber(p.number);
  const sequential = p.number.split('.')[2] ?? '';
  const today = dateTags(source.today);
  // Every scalar tag gets a value (the type checks it); missing data renders empty.
  const values = {
    'processo.numeracao.numero': p.number,
    'processo.numeroOrigem': p.originNumber ?? '',
    numeroDocumento: source.documentNumber,
    'processo.classe.itemCodigo': p.classCode,
    'processo.classe.nome': p.className,
    'processo.assunto.codAssunto': p.subjectCode,
    'processo.assunto.nome': p.subjectName,
    ...today,
    ...distributionTags(source.distribution),
    'processo.dataRegistro': brazilianDate(p.registeredOn),
    'processo.orgaoCriador.nome': p.creatingUnitName,
    'processo.orgaoAtual.nome': p.currentUnitName,
    'processo.numeracao.codigoNumeracao': parts?.unitCode ?? '',
    'processo.numeracao.ano': parts ? String(parts.year) : '',
    'processo.numeracao.sequencial': parts ? sequential : '',
    localData: `${p.currentUnitCity}/${p.currentUnitUf}, ${today.dia} de ${today.mesExtenso} de ${today.ano}`,
  } satisfies Record<ScalarTag, string>;
  return {
    values,
    parties: source.parties.map((party) => ({
      name: partyNameFor(source.authorSeesFull ? 'full' : 'details', party),
      type: party.type,
    })),
  };
}
