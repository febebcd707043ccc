/**
 * The latest distribution of a process not cancelled, as the `${distribuicao.*}` tags read
 * it (DOMAIN §5, §7). The distributor is unknown for distributions recorded before Acervo
 * kept it.
 */
export interface DistributionRecord {
  startsOn: string;
  endsOn: string | null;
  distributor: { registrationNumber: string | null; fullName: string } | null;
}

/** `YYYY-MM-DD` as Brazilian documents write it. */
export function brazilianDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The values of the distribution tags the MP Virtual manual lists; with no distribution
 * every tag renders empty, as there ("se houver").
 */
export type DistributionTag =
  | 'distribuicao.dataInicial'
  | 'distribuicao.dataFinal'
  | 'distribuicao.distribuidor.matricula'
  | 'distribuicao.distribuidor.pessoaFisica.nome';

export function distributionTags(record: DistributionRecord | null): Record<DistributionTag, string> {
  return {
    'distribuicao.dataInicial': record ? brazilianDate(record.startsOn) : '',
    'distribuicao.dataFinal': record?.endsOn ? brazilianDate(record.endsOn) : '',
    'distribuicao.distribuidor.matricula': record?.distributor?.registrationNumber ?? '',
    'distribuicao.distribuidor.pessoaFisica.nome': record?.distributor?.fullName ?? '',
  };
}
