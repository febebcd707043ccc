import type { OutgoingMail } from '@acervo/runtime';

/** The mails of sign-in, in Portuguese, plain text and HTML. Links carry their token after '#', so it never reaches a server log. */
function mail(to: string, subject: string, paragraphs: string[], link?: { url: string; label: string }): OutgoingMail {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), '', '— Acervo'].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...(link ? [`<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>`] : []),
    '<p>— Acervo</p>',
  ].join('\n');
  return { to, subject, text, html };
}

export const authMails = {
  totpActivation: (to: string, url: string, minutes: number) =>
    mail(
      to,
      'Acervo: ative a autenticação em dois fatores',
      [
        'Recebemos o cadastro do seu aplicativo autenticador no Acervo.',
        `Para concluir, abra o link abaixo em até ${minutes} minutos. Se não foi você, ignore esta mensagem.`,
      ],
      { url, label: 'Ativar o 2FA' },
    ),
  totpActivated: (to: string) =>
    mail(to, 'Acervo: autenticação em dois fatores ativada', [
      'A autenticação em dois fatores foi ativada na sua conta do Acervo.',
      'Se não foi você, procure imediatamente a administração do sistema.',
    ]),
  accountLocked: (to: string, minutes: number) =>
    mail(to, 'Acervo: acesso bloqueado temporariamente', [
      `Houve várias tentativas de acesso sem sucesso à sua conta. Ela ficará bloqueada por ${minutes} minuto(s).`,
      'Se não foi você, avise a administração do sistema.',
    ]),
};
