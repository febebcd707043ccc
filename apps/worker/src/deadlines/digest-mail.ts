import { composeMail, type OutgoingMail } from '@acervo/runtime';

export interface DigestLine {
  kind: 'DUE_SOON' | 'EXPIRED';
  processId: string;
  number: string;
  description: string;
  dueAt: Date;
}

/** The daily digest of a person's deadline notices: expired first, then those due soon, each with its due time. */
export function digestMail(
  to: string,
  name: string,
  lines: DigestLine[],
  opts: { timeZone: string; appUrl: string },
): OutgoingMail {
  const when = new Intl.DateTimeFormat('pt-BR', { timeZone: opts.timeZone, dateStyle: 'short', timeStyle: 'short' });
  const describe = (l: DigestLine) => `${l.number} — ${l.description} — vence ${when.format(l.dueAt)}`;
  const expired = lines.filter((l) => l.kind === 'EXPIRED');
  const soon = lines.filter((l) => l.kind === 'DUE_SOON');
  const paragraphs = [`Olá, ${name}.`];
  if (expired.length) paragraphs.push(`Prazos vencidos (${expired.length}):`, ...expired.map(describe));
  if (soon.length) paragraphs.push(`Prazos a vencer (${soon.length}):`, ...soon.map(describe));
  const subject = [
    expired.length ? `${expired.length} prazo(s) vencido(s)` : '',
    soon.length ? `${soon.length} a vencer` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return composeMail(to, `Acervo: ${subject}`, paragraphs, {
    url: `${opts.appUrl}/boxes/deadlines`,
    label: 'Abrir a caixa Prazos',
  });
}
