/**
 * The homologated tags (DOMAIN §7, MP Virtual "Lista de tags homologadas") — the whole
 * language of a template. There are no expressions: a tag is one of these names, nothing else.
 */
export const SCALAR_TAGS = [
  'processo.numeracao.numero',
  'processo.numeroOrigem',
  'numeroDocumento',
  'processo.classe.itemCodigo',
  'processo.classe.nome',
  'processo.assunto.codAssunto',
  'processo.assunto.nome',
  'dia',
  'mesExtenso',
  'ano',
  'distribuicao.dataInicial',
  'distribuicao.dataFinal',
  'distribuicao.distribuidor.matricula',
  'distribuicao.distribuidor.pessoaFisica.nome',
  'processo.dataRegistro',
  'processo.orgaoCriador.nome',
  'processo.orgaoAtual.nome',
  'processo.numeracao.codigoNumeracao',
  'processo.numeracao.ano',
  'processo.numeracao.sequencial',
  /**
   * Acervo's one tag beyond the homologated list (decision 0006): "Local e data" — the current
   * unit's city/UF and today, as the manual's model line writes by hand ("Manaus/AM, ${dia} de…").
   */
  'localData',
] as const;
export type ScalarTag = (typeof SCALAR_TAGS)[number];

/** Tags of the party paragraph: it is repeated once per party (`interessado` marks it and renders empty). */
export const PARTY_TAGS = ['interessado', 'interessado.tipoInteressado.nome', 'interessado.nome'] as const;

export const TEMPLATE_TAGS: readonly string[] = [...SCALAR_TAGS, ...PARTY_TAGS];

const MONTHS = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
];

/** A month written out in Portuguese, `1`–`12`. */
export function monthInPortuguese(month: number): string {
  return MONTHS[month - 1];
}
