import { isValidCpf } from '../cpf';
import type { FieldError } from '../errors';
import { escapeHtml } from '../html-text';
import { type Actor, mayRegisterIn } from '../processes/acting';
import { isValidCnpj } from './cnpj';

/** A citizen's visit or call (atendimento), or a consumer's complaint against a supplier. */
export const ATTENDANCE_KINDS = ['VISIT', 'COMPLAINT'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

/** What became of an attendance: still open, a Notícia de Fato, or part of an existing process. */
export type AttendanceOutcome = 'CONVERTED' | 'ATTACHED';

/** The consumer complaint categories (Código de Defesa do Consumidor), for the supplier report. */
export const COMPLAINT_CATEGORIES = {
  PRODUTO_DEFEITUOSO: 'Produto com vício ou defeito',
  SERVICO_NAO_PRESTADO: 'Serviço não prestado ou mal prestado',
  COBRANCA_INDEVIDA: 'Cobrança indevida ou abusiva',
  CONTRATO: 'Contrato: cláusula abusiva, rescisão, descumprimento',
  PUBLICIDADE_ENGANOSA: 'Oferta ou publicidade enganosa',
  ATENDIMENTO_SAC: 'Atendimento ao consumidor (SAC)',
  DADOS_PESSOAIS: 'Dados pessoais e cadastros',
  OUTROS: 'Outros',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;

export interface AttendanceFacts {
  kind: AttendanceKind;
  personName: string;
  personCpf: string;
  account: string;
  supplierCnpj?: string | null;
  supplierName?: string | null;
  complaintCategory?: string | null;
}

/** Why an attendance cannot be recorded as given (DOMAIN §10); empty when it can. */
export function attendanceProblems(a: AttendanceFacts): FieldError[] {
  const problems: FieldError[] = [];
  if (!a.personName.trim()) problems.push({ field: 'personName', message: 'informe o nome da pessoa atendida' });
  if (!isValidCpf(a.personCpf)) problems.push({ field: 'personCpf', message: 'CPF inválido' });
  if (!a.account.trim()) problems.push({ field: 'account', message: 'informe o relato dos fatos' });
  if (a.kind === 'COMPLAINT') {
    if (!a.supplierCnpj || !isValidCnpj(a.supplierCnpj)) {
      problems.push({ field: 'supplierCnpj', message: 'CNPJ do fornecedor inválido' });
    }
    if (!a.supplierName?.trim()) problems.push({ field: 'supplierName', message: 'informe o nome do fornecedor' });
    if (!a.complaintCategory || !(a.complaintCategory in COMPLAINT_CATEGORIES)) {
      problems.push({ field: 'complaintCategory', message: 'categoria de reclamação desconhecida' });
    }
  } else {
    for (const field of ['supplierCnpj', 'supplierName', 'complaintCategory'] as const) {
      if (a[field]) problems.push({ field, message: 'só numa reclamação de consumo (kind COMPLAINT)' });
    }
  }
  return problems;
}

/**
 * What the citizen's consultation says of the attendance. It never says which process it
 * became unless that process is public: a sealed one must not even be hinted at (§4.1).
 */
export function citizenStatus(outcome: AttendanceOutcome | null): string {
  return outcome === null
    ? 'Registrado: em análise pelo órgão'
    : 'Encaminhado: deu origem a procedimento ou foi juntado a um';
}

/** Who records attendances in a unit: whoever registers processes there, and its Protocolo (the front desk). */
export function mayAttendIn(actor: Actor, unitId: string): boolean {
  return mayRegisterIn(actor, unitId) || actor.assignments.some((a) => a.unitId === unitId && a.profile === 'PROTOCOL');
}

/**
 * Who reads a unit's attendances — names, CPFs and accounts of citizens: its staff, but
 * not interns (who see no personal data beyond level 1 either).
 */
export function mayReadAttendancesOf(actor: Actor, unitId: string): boolean {
  return actor.assignments.some((a) => a.unitId === unitId && a.profile !== 'INTERN');
}

/** The CPF as people write it: 529.982.247-25. */
export function formatCpf(cpf: string): string {
  return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
}

export interface AttendanceTerm {
  protocol: string;
  unitName: string;
  attendedOn: string;
  staffName: string;
  personName: string;
  personCpf: string;
  personContact: string | null;
  subject: string;
  account: string;
  supplier?: { cnpj: string; name: string; category: string } | null;
}

/**
 * The Termo de atendimento: the account as the first document of the process it becomes.
 * Every value is escaped; the account keeps its paragraphs.
 */
export function attendanceTermHtml(t: AttendanceTerm): string {
  const line = (label: string, value: string) => `<p><strong>${label}:</strong> ${escapeHtml(value)}</p>`;
  const paragraphs = t.account
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`);
  return [
    `<h2>Termo de atendimento ${escapeHtml(t.protocol)}</h2>`,
    line('Órgão', t.unitName),
    line('Data', t.attendedOn),
    line('Atendido(a)', `${t.personName}, CPF ${formatCpf(t.personCpf)}`),
    ...(t.personContact ? [line('Contato', t.personContact)] : []),
    line('Assunto', t.subject),
    ...(t.supplier
      ? [line('Fornecedor', `${t.supplier.name}, CNPJ ${t.supplier.cnpj}`), line('Categoria', t.supplier.category)]
      : []),
    line('Atendente', t.staffName),
    '<p><strong>Relato:</strong></p>',
    ...paragraphs,
  ].join('\n');
}
