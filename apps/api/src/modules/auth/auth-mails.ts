import { composeMail } from '@acervo/runtime';

/** The mails of sign-in, in Portuguese. Links carry their token after '#', so it never reaches a server log. */
const mail = composeMail;

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
  totpDisable: (to: string, url: string, minutes: number) =>
    mail(
      to,
      'Acervo: desativar a autenticação em dois fatores',
      [
        'Recebemos um pedido para desativar a autenticação em dois fatores da sua conta no Acervo.',
        `Para confirmar, abra o link abaixo em até ${minutes} minutos e informe sua senha. Se não foi você, ignore esta mensagem.`,
      ],
      { url, label: 'Desativar o 2FA' },
    ),
  totpDisabled: (to: string) =>
    mail(to, 'Acervo: autenticação em dois fatores desativada', [
      'A autenticação em dois fatores foi desativada na sua conta do Acervo; os dispositivos liberados e as sessões foram encerrados.',
      'No próximo acesso será preciso cadastrar o aplicativo autenticador de novo. Se não foi você, procure imediatamente a administração do sistema.',
    ]),
  deviceReleased: (to: string, userAgent: string | null, days: number) =>
    mail(to, 'Acervo: dispositivo liberado do 2FA', [
      `Um navegador foi liberado do código de autenticação por ${days} dias: ${userAgent ?? 'navegador não identificado'}.`,
      'Se não foi você, use "Cancelar dispositivos liberados" no Acervo e troque sua senha.',
    ]),
  devicesCancelled: (to: string) =>
    mail(to, 'Acervo: dispositivos liberados cancelados', [
      'Todos os dispositivos liberados do 2FA na sua conta foram cancelados; o próximo acesso em cada um pedirá o código.',
    ]),
  passwordReset: (to: string, url: string, minutes: number, first: boolean) =>
    mail(
      to,
      first ? 'Acervo: crie sua senha' : 'Acervo: redefinição de senha',
      [
        first
          ? 'Uma conta foi criada para você no Acervo. Crie sua senha pelo link abaixo.'
          : 'Recebemos um pedido para redefinir a senha da sua conta no Acervo. Se não foi você, ignore esta mensagem.',
        `O link vale por ${minutes} minutos e pode ser usado uma vez.`,
      ],
      { url, label: first ? 'Criar senha' : 'Redefinir senha' },
    ),
  passwordChanged: (to: string) =>
    mail(to, 'Acervo: senha alterada', [
      'A senha da sua conta no Acervo foi alterada; as sessões abertas e os dispositivos liberados foram encerrados.',
      'Se não foi você, procure imediatamente a administração do sistema.',
    ]),
  accountLocked: (to: string, minutes: number) =>
    mail(to, 'Acervo: acesso bloqueado temporariamente', [
      `Houve várias tentativas de acesso sem sucesso à sua conta. Ela ficará bloqueada por ${minutes} minuto(s).`,
      'Se não foi você, avise a administração do sistema.',
    ]),
};
