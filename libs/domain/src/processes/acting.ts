import { Conflict, type DomainError, Forbidden } from '../errors';
import { MEMBER_PROFILES } from '../organisation/assignments';
import type { Profile } from '../profiles';
import { refuseGrant } from '../secrecy/grants';

/** Where a process is (DOMAIN §3.1): exactly one at a time. */
export const LOCATIONS = ['SECRETARIA', 'CONCLUSO', 'EXTERNAL', 'ARCHIVED', 'ATTACHED'] as const;
export type Location = (typeof LOCATIONS)[number];

/** The assignments of the one acting, with what acting needs of them. */
export interface Actor {
  userId: string;
  assignments: ReadonlyArray<{
    unitId: string | null;
    profile: Profile;
    secretaria: boolean;
    linkedMemberId?: string | null;
  }>;
}

/** The state of a process that decides who may act on it. */
export interface ProcessPosition {
  unitId: string;
  location: Location;
  /** The user it is concluso to (location CONCLUSO). */
  holderId: string | null;
  responsibleMemberId: string | null;
  secrecyLevel: number;
}

/** Operations of DOMAIN §3.2 that move a process or write into it. */
export const OPERATIONS = [
  'conclude',
  'to-secretaria',
  'recover',
  'forward',
  'send-external',
  'return-external',
  'move',
  'priority',
  'archive',
  'unarchive',
  'convert',
  'attach',
  'insert-documents',
  'link-draft',
  'secrecy',
  'deadlines',
  'close-deadline',
  'extend-deadline',
  'extend-legal-deadline',
  'distribute',
  'lottery',
  'impediment',
  'cancel-distribution',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Profiles that never act on a process: MANAGER distributes and recovers only; INSPECTOR reads. */
const NEVER_ACT: readonly Profile[] = ['MANAGER', 'INSPECTOR', 'ADMIN', 'PROTOCOL'];

/** Profiles that write drafts (minutas); ANALYST and ASSISTANT only on their member's processes. */
const DRAFTERS: readonly Profile[] = ['CHIEF', 'MEMBER', 'ON_DUTY', 'ANALYST', 'ASSISTANT', 'INTERN'];

/** Profiles that sign (juntam) documents: the members. */
const SIGNERS = MEMBER_PROFILES;

/** Where each operation may start from. */
const FROM: Readonly<Record<Operation, readonly Location[]>> = {
  conclude: ['SECRETARIA', 'CONCLUSO'],
  'to-secretaria': ['CONCLUSO'],
  recover: ['CONCLUSO'],
  forward: ['SECRETARIA', 'CONCLUSO'],
  'send-external': ['SECRETARIA', 'CONCLUSO'],
  'return-external': ['EXTERNAL'],
  move: ['SECRETARIA', 'CONCLUSO'],
  priority: ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
  archive: ['SECRETARIA', 'CONCLUSO'],
  unarchive: ['ARCHIVED'],
  convert: ['SECRETARIA', 'CONCLUSO'],
  attach: ['SECRETARIA', 'CONCLUSO'],
  'insert-documents': ['SECRETARIA', 'CONCLUSO'],
  'link-draft': ['SECRETARIA', 'CONCLUSO'],
  secrecy: ['SECRETARIA', 'CONCLUSO', 'EXTERNAL', 'ARCHIVED'],
  // Awaiting an ofício's answer is as likely while the process is away as while it is here.
  deadlines: ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
  'close-deadline': ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
  'extend-deadline': ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
  'extend-legal-deadline': ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
  // Recording who is responsible does not move the process: it may be away meanwhile.
  distribute: ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
  lottery: ['SECRETARIA', 'CONCLUSO'],
  // The impeded member sends the process back to the distribution centre: it must be movable.
  impediment: ['SECRETARIA', 'CONCLUSO'],
  'cancel-distribution': ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'],
};

/** Who distributes (DOMAIN §1, §5): the office's chief and the docket manager; ANALYST to its member only. */
const DISTRIBUTORS: readonly Profile[] = ['CHIEF', 'MANAGER'];

/**
 * The error a refusal is answered with: where the process is makes the request conflict
 * with its state (409); who asks is not allowed (403).
 */
export function refusalError(refusal: Refusal): DomainError {
  return refusal.reason === 'location' ? new Conflict(refusal.message) : new Forbidden(refusal.message);
}

export type Refusal = { reason: 'location'; message: string } | { reason: 'actor'; message: string };

const LOCATION_NAMES: Readonly<Record<Location, string>> = {
  SECRETARIA: 'na Secretaria',
  CONCLUSO: 'concluso',
  EXTERNAL: 'em órgão externo',
  ARCHIVED: 'arquivado',
  ATTACHED: 'anexado a outro processo',
};

function assignmentsIn(actor: Actor, unitId: string) {
  return actor.assignments.filter((a) => a.unitId === unitId);
}

/**
 * Whether the process is "of" the member an ANALYST or ASSISTANT works for: the member
 * is responsible for it, or holds it. Drafting, petitions and closing deadlines by an
 * ANALYST or ASSISTANT are limited to these processes.
 */
export function isProcessOfMember(p: ProcessPosition, memberId: string | null | undefined): boolean {
  if (!memberId) return false;
  return p.responsibleMemberId === memberId || (p.location === 'CONCLUSO' && p.holderId === memberId);
}

/**
 * Who may run an operation (DOMAIN §3.2): the holder of a process concluso to it, or a
 * Secretaria-permission user of the unit for a process in Secretaria (or archived, or
 * away at an external organ). MANAGER and Secretaria users recover; MANAGER also marks
 * priority (docket) but never moves. Moving follows custody alone: an ANALYST holding a
 * process, or working the Secretaria, moves it whoever its member is (its member limit
 * is on drafting, petitions and deadlines — `isProcessOfMember`). Null when allowed.
 */
export function refuseOperation(actor: Actor, p: ProcessPosition, op: Operation): Refusal | null {
  if (!FROM[op].includes(p.location)) {
    return { reason: 'location', message: `Operação não permitida: o processo está ${LOCATION_NAMES[p.location]}.` };
  }
  const here = assignmentsIn(actor, p.unitId);
  if (op === 'secrecy') return refuseDecree(actor, p);
  if (op === 'extend-legal-deadline') return refuseLegalExtension(actor, p);
  if (op === 'distribute' || op === 'lottery' || op === 'cancel-distribution') return refuseDistributing(actor, p, op);
  if (op === 'impediment') return refuseImpediment(actor, p);
  const allowed = here.some((a) => {
    if (op === 'close-deadline' && a.profile === 'ANALYST' && isProcessOfMember(p, a.linkedMemberId)) return true;
    if (a.profile === 'MANAGER') return op === 'recover' || op === 'priority';
    if (NEVER_ACT.includes(a.profile)) return false;
    if (op === 'recover') return a.secretaria;
    if (p.location === 'CONCLUSO') return p.holderId === actor.userId;
    return a.secretaria;
  });
  return allowed ? null : { reason: 'actor', message: 'Você não pode movimentar este processo.' };
}

/**
 * Decretar sigilo is the member's act (DOMAIN §4.1): a member of the unit, wherever the
 * process is; the level of a level-5 process changes only by its responsible member.
 */
function refuseDecree(actor: Actor, p: ProcessPosition): Refusal | null {
  const member = assignmentsIn(actor, p.unitId).some((a) => SIGNERS.includes(a.profile));
  const responsible = p.responsibleMemberId === actor.userId;
  if (p.secrecyLevel === 5 ? responsible : member || responsible) return null;
  return { reason: 'actor', message: 'Só um membro do órgão decreta sigilo (no nível 5, o membro responsável).' };
}

/** Extending a legal deadline is the member's decision (a despacho): a member of the unit, or the responsible one. */
function refuseLegalExtension(actor: Actor, p: ProcessPosition): Refusal | null {
  const member = assignmentsIn(actor, p.unitId).some((a) => SIGNERS.includes(a.profile));
  if (member || p.responsibleMemberId === actor.userId) return null;
  return { reason: 'actor', message: 'Só um membro do órgão prorroga o prazo legal.' };
}

/**
 * Distributing is the docket's act, not a movement: CHIEF and MANAGER of the unit; a
 * manual distribution also by an ANALYST or a member (to whom is `refuseDistributionTarget`'s).
 * A lottery is the distribution centre's; a cancellation's actor is checked against the unit
 * whose distribution it undoes (`refuseCancellation`), the location here.
 */
function refuseDistributing(actor: Actor, p: ProcessPosition, op: Operation): Refusal | null {
  if (op === 'cancel-distribution') return null;
  const here = assignmentsIn(actor, p.unitId);
  const allowed = here.some(
    (a) =>
      DISTRIBUTORS.includes(a.profile) ||
      (op === 'distribute' && (a.profile === 'ANALYST' || SIGNERS.includes(a.profile))),
  );
  return allowed ? null : { reason: 'actor', message: 'Seu perfil não permite distribuir este processo.' };
}

/**
 * To whom an actor may distribute by hand (at registration or later): CHIEF and MANAGER of
 * the unit to any member, replacing a running distribution (substitution); an ANALYST to the
 * member it works for, and a member to itself (its own Notícia de Fato) — only a process
 * nobody is responsible for, so neither can take over a colleague's or undo a draw. Null
 * when allowed.
 */
export function refuseDistributionTarget(
  actor: Actor,
  p: { unitId: string; responsibleMemberId: string | null },
  memberId: string,
): Refusal | null {
  if (isDistributorIn(actor, p.unitId)) return null;
  if (p.responsibleMemberId) {
    return { reason: 'actor', message: 'O processo já tem membro responsável: só a chefia ou a gerência redistribui.' };
  }
  const allowed = assignmentsIn(actor, p.unitId).some(
    (a) =>
      (a.profile === 'ANALYST' && a.linkedMemberId === memberId) ||
      (SIGNERS.includes(a.profile) && memberId === actor.userId),
  );
  return allowed ? null : { reason: 'actor', message: 'Seu perfil não permite distribuir processos a outro membro.' };
}

/** Whether the actor runs a unit's distribution (CHIEF or MANAGER there): draws, cancels, redistributes. */
export function isDistributorIn(actor: Actor, unitId: string): boolean {
  return assignmentsIn(actor, unitId).some((a) => DISTRIBUTORS.includes(a.profile));
}

/** Who reads a distribution group's report: who runs the unit's distribution, and the Corregedoria. */
export function mayReadDistributionReport(actor: Actor, unitId: string): boolean {
  return isDistributorIn(actor, unitId) || assignmentsIn(actor, unitId).some((a) => a.profile === 'INSPECTOR');
}

/**
 * Cancelling a distribution is the administration's decision (MP Virtual: "se a
 * administração decide"): CHIEF or MANAGER of the unit that distributed — the drawing
 * group's unit for a lottery, the process's unit for a manual distribution.
 */
export function refuseCancellation(actor: Actor, distributingUnitId: string): Refusal | null {
  return isDistributorIn(actor, distributingUnitId)
    ? null
    : { reason: 'actor', message: 'Só a chefia ou a gerência de quem distribuiu cancela a distribuição.' };
}

/** Declaring impediment or suspicion is the distributed member's own act. */
function refuseImpediment(actor: Actor, p: ProcessPosition): Refusal | null {
  if (p.responsibleMemberId === actor.userId) return null;
  return { reason: 'actor', message: 'Só o membro a quem o processo foi distribuído declara impedimento.' };
}

/** Who may register a process in a unit: its acting staff, and anyone with Secretaria permission. */
export function mayRegisterIn(actor: Actor, unitId: string): boolean {
  return assignmentsIn(actor, unitId).some(
    (a) =>
      !['INSPECTOR', 'ADMIN', 'PROTOCOL'].includes(a.profile) &&
      (a.secretaria || ['CHIEF', 'MEMBER', 'ON_DUTY', 'MANAGER', 'ANALYST'].includes(a.profile)),
  );
}

/** A process may be concluded to any active user assigned to its unit who acts or drafts. */
export function mayReceiveConclusion(profile: Profile): boolean {
  return !['INSPECTOR', 'ADMIN', 'PROTOCOL'].includes(profile);
}

/** Locations where a process takes new documents. */
const OPEN_FOR_DOCUMENTS: readonly Location[] = ['SECRETARIA', 'CONCLUSO', 'EXTERNAL'];

function closedForDocuments(p: ProcessPosition): Refusal | null {
  return OPEN_FOR_DOCUMENTS.includes(p.location)
    ? null
    : { reason: 'location', message: `O processo está ${LOCATION_NAMES[p.location]}: não recebe documentos.` };
}

/** Why the actor may not draft in this process (null: it may). */
export function refuseDrafting(actor: Actor, p: ProcessPosition): Refusal | null {
  const closed = closedForDocuments(p);
  if (closed) return closed;
  const allowed = assignmentsIn(actor, p.unitId).some(
    (a) =>
      DRAFTERS.includes(a.profile) &&
      (!(a.profile === 'ANALYST' || a.profile === 'ASSISTANT') || isProcessOfMember(p, a.linkedMemberId)),
  );
  return allowed ? null : { reason: 'actor', message: 'Você não pode redigir minutas neste processo.' };
}

/** Why the actor may not sign documents of this process (null: it may). */
export function refuseSigning(actor: Actor, p: ProcessPosition): Refusal | null {
  const closed = closedForDocuments(p);
  if (closed) return closed;
  const allowed = assignmentsIn(actor, p.unitId).some((a) => SIGNERS.includes(a.profile));
  return allowed ? null : { reason: 'actor', message: 'Só membros do órgão assinam documentos.' };
}

/** What one may do with a process: an operation, writing and signing its documents, granting access to it. */
export type ProcessAction = Operation | 'draft' | 'sign' | 'grant-access';

/** The actions `allowedActions` judges. */
export const OFFERED_ACTIONS: readonly ProcessAction[] = [...OPERATIONS, 'draft', 'sign', 'grant-access'];

/**
 * The actions the actor may take on the process as it stands: what the web client's
 * operations menu offers, so it never shows an act the server would refuse for who asks or
 * where the process is. The server still checks each when asked, with what only the act
 * knows (a lottery's group, the target of a conclusion). A cancellation is judged against
 * the unit that distributed — `distributingUnitId`, the unit of the group that drew the
 * running distribution (or the process's own for a manual one); without a distribution to
 * cancel it is not offered.
 */
export function allowedActions(
  actor: Actor,
  p: ProcessPosition,
  distributingUnitId: string | null = null,
): ProcessAction[] {
  return OFFERED_ACTIONS.filter((action) => {
    if (action === 'draft') return refuseDrafting(actor, p) === null;
    if (action === 'sign') return refuseSigning(actor, p) === null;
    if (action === 'grant-access') return refuseGrant(actor, p) === null;
    if (action === 'cancel-distribution') {
      return (
        distributingUnitId !== null &&
        refuseOperation(actor, p, action) === null &&
        refuseCancellation(actor, distributingUnitId) === null
      );
    }
    return refuseOperation(actor, p, action) === null;
  });
}
