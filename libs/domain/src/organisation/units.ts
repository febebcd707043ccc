/** Kinds of órgão: promotoria/procuradoria, centro de distribuição, protocolo, secretaria. */
export const UNIT_KINDS = ['PROSECUTION_OFFICE', 'DISTRIBUTION_CENTER', 'PROTOCOL', 'SECRETARIAT'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The 27 federative units, for a unit's "Local e data". */
// prettier-ignore
export const UFS = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR',
  'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const;
export type Uf = (typeof UFS)[number];

/**
 * A unit code goes into every process number (`{unitCode}.{year}.{sequential}`), so it
 * is short, upper-case, and free of the dot that separates the parts.
 */
export const UNIT_CODE_PATTERN = /^[0-9A-Z]{2,10}$/;
