/**
 * Case-insensitive key of a text column for Portuguese text. `lower()` under the C
 * locale (our embedded cluster's) folds ASCII only, so "Distribuição" and "DISTRIBUIÇÃO"
 * would differ; the ICU root collation folds every letter, on any server built with ICU.
 */
export function foldCase(expression: string): string {
  return `lower(${expression} COLLATE "und-x-icu")`;
}

/**
 * `column` as the cursors write an instant (ISO 8601 in UTC, to the microsecond): what
 * the API's decodeTimeCursor accepts, and exact — a JavaScript Date would drop the microseconds, and
 * the next page would repeat rows of the same millisecond.
 */
export function cursorInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * `column` as the API writes an instant (ISO 8601 in UTC, to the millisecond, like
 * `Date.toISOString()`), made by the server: rows read by the thousand skip a Date each.
 */
export function isoInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
