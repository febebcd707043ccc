/**
 * The movement taxonomy codes the code refers to by name. The first ones are the codes
 * the seeds (MP Virtual, CNMP tables) name; the 9000xx range is Acervo's own, for the
 * movements DOMAIN §3 names without a code. The taxonomy is data (admin-editable names);
 * these codes are seeded by a migration and never change.
 */
export const MOVEMENTS = {
  DISTRIBUTED: { code: '920005', name: 'Feito distribuído ao Membro' },
  IMPEDIMENT_DECLARED: { code: '920083', name: 'Declarado impedimento/suspeição' },
  DISTRIBUTION_CANCELLED: { code: '488', name: 'Cancelada a Distribuição' },
  ARCHIVED_PROMOTION: { code: '020089', name: 'Arquivamento - promoção de arquivamento' },
  ARCHIVED_NO_GROUNDS: { code: '020090', name: 'Arquivamento - ausência de justa causa' },
  ARCHIVED_RESOLVED: { code: '020091', name: 'Arquivamento - resolução extrajudicial' },
  ARCHIVED_FORWARDED: { code: '020109', name: 'Arquivamento - encaminhado a outro órgão' },
  FORWARDED_ON_PAPER: { code: '1003010', name: 'Encaminhamento para órgão competente em meio físico' },
  REGISTERED: { code: '900001', name: 'Registro (autuação)' },
  CUSTODY_IN: { code: '900002', name: 'Entrada de carga' },
  CUSTODY_OUT: { code: '900003', name: 'Baixa de carga' },
  ATTENDANCE: { code: '900004', name: 'Atendimento' },
  DOCUMENT_ADDED: { code: '900005', name: 'Juntada de documento' },
  CONCLUDED: { code: '900006', name: 'Conclusão' },
  SENT: { code: '900007', name: 'Remessa' },
  RECEIVED: { code: '900008', name: 'Recebimento' },
  DEADLINE_EXPIRED: { code: '900009', name: 'Prazo vencido' },
  SECRECY_DECREED: { code: '900010', name: 'Decretação de sigilo' },
  CLASS_CONVERTED: { code: '900011', name: 'Conversão de classe' },
  ARCHIVED: { code: '900012', name: 'Arquivamento' },
  UNARCHIVED: { code: '900013', name: 'Desarquivamento' },
  PRIORITY_SET: { code: '900014', name: 'Prioridade marcada' },
  PRIORITY_REMOVED: { code: '900015', name: 'Prioridade removida' },
  ATTACHED: { code: '900016', name: 'Anexação' },
  ACCESS_GRANTED: { code: '900017', name: 'Permissão de acesso concedida' },
  ACCESS_DENIED: { code: '900018', name: 'Negação de acesso registrada' },
  ACCESS_RULE_REMOVED: { code: '900019', name: 'Permissão ou negação de acesso removida' },
  DEADLINE_SET: { code: '900020', name: 'Prazo registrado' },
  DEADLINE_CLOSED: { code: '900021', name: 'Prazo encerrado' },
  DEADLINE_EXTENDED: { code: '900022', name: 'Prazo prorrogado' },
  DOCUMENT_TRASHED: { code: '900023', name: 'Documento excluído (lixeira)' },
  DOCUMENT_RESTORED: { code: '900024', name: 'Documento restaurado' },
  REDISTRIBUTED: { code: '900025', name: 'Redistribuição' },
  SENT_EXTERNAL: { code: '900026', name: 'Remessa a órgão externo' },
  RETURNED_EXTERNAL: { code: '900027', name: 'Retorno de órgão externo' },
  TO_SECRETARIA: { code: '900028', name: 'Envio à Secretaria' },
  RECOVERED: { code: '900029', name: 'Resgate' },
  DRAFT_LINKED: { code: '900030', name: 'Minuta vinculada' },
  MOVED: { code: '900031', name: 'Movimentação' },
  CITATION_RECEIVED: { code: '900032', name: 'Citação recebida' },
  INTIMATION_RECEIVED: { code: '900033', name: 'Intimação recebida' },
} as const satisfies Record<string, { code: string; name: string }>;

export type MovementName = keyof typeof MOVEMENTS;

/** The archiving movements a user chooses from when archiving (DOMAIN §3: the 0200xx variants). */
export const ARCHIVING_MOVEMENT_CODES: readonly string[] = [
  MOVEMENTS.ARCHIVED_PROMOTION.code,
  MOVEMENTS.ARCHIVED_NO_GROUNDS.code,
  MOVEMENTS.ARCHIVED_RESOLVED.code,
  MOVEMENTS.ARCHIVED_FORWARDED.code,
  MOVEMENTS.ARCHIVED.code,
];

/**
 * The codes `move` ("Movimentar") refuses: every movement the domain names but the generic
 * Movimentação. Each is written only by its own operation (distribution, archiving, secrecy,
 * deadlines, …), so that the events — and the RAF counted from them — say what happened,
 * not what someone picked from a list. The types an administrator adds are a person's.
 */
export const SYSTEM_MOVEMENT_CODES: readonly string[] = Object.values(MOVEMENTS)
  .map((m) => m.code)
  .filter((code) => code !== MOVEMENTS.MOVED.code);
