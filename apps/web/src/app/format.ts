/** Dates as an office in Brazil reads them (the browser's time zone). */
const DATE_TIME = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short' });

export function dateTime(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}

export function date(iso: string | null | undefined): string {
  return iso ? DATE.format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)) : '—';
}
