/**
 * Case-insensitive key of a text column for Portuguese text. `lower()` under the C
 * locale (our embedded cluster's) folds ASCII only, so "Distribuição" and "DISTRIBUIÇÃO"
 * would differ; the ICU root collation folds every letter, on any server built with ICU.
 */
export function foldCase(expression: string): string {
  return `lower(${expression} COLLATE "und-x-icu")`;
}
