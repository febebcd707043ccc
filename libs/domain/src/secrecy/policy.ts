import { type Profile, SECRECY_CAP } from '../profiles';

/** Secrecy levels of DOMAIN §4.1: 0 public … 5 responsible member only. */
export const SECRECY_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

export function isSecrecyLevel(value: unknown): value is SecrecyLevel {
  return typeof value === 'number' && (SECRECY_LEVELS as readonly number[]).includes(value);
}

/** Who asks: the user, its assignments and the groups it belongs to (the policy's only input about people). */
export interface Viewer {
  userId: string;
  assignments: ReadonlyArray<{ unitId: string | null; profile: Profile }>;
  groupIds: readonly string[];
}

export const RULE_EFFECTS = ['ALLOW', 'DENY'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];
export const RULE_SUBJECTS = ['USER', 'GROUP'] as const;
export type RuleSubject = (typeof RULE_SUBJECTS)[number];

/**
 * An explicit permission or denial (DOMAIN §4.3) on a process or a document. On a
 * document it names the level it was granted at: a permission lets in only while the
 * document still has that level (raising it shuts the door again); a denial holds at any level.
 */
export interface AccessRule {
  id?: string;
  subjectType: RuleSubject;
  subjectId: string;
  effect: RuleEffect;
  expiresAt: Date | null;
  level?: number | null;
}

/** What the policy needs to know about a process. */
export interface GuardedProcess {
  /** The unit where the process currently is: "unit users" are judged there. */
  unitId: string;
  secrecyLevel: SecrecyLevel;
  responsibleMemberId: string | null;
  rules: readonly AccessRule[];
}

/** A document: in a process, or standalone (judged in the unit it is addressed to). */
export interface GuardedDocument {
  secrecyLevel: SecrecyLevel;
  unitId: string;
  process: GuardedProcess | null;
  rules: readonly AccessRule[];
}

/**
 * - `full`: parties, events, documents;
 * - `details`: class, subject, date, status, unit only (level 1, asked by exact number);
 * - `none`: not listed, not counted, not hinted at.
 */
export type Visibility = 'full' | 'details' | 'none';

/** How the viewer reaches the process: through a list/search, or asking for its exact number. */
export type Reach = 'list' | 'exact_number';

/** Why a viewer sees (or is shut out of) a process or document: the explainer's vocabulary. */
export type AccessReason =
  | { rule: 'PUBLIC' }
  | { rule: 'UNIT_LEVEL'; profile: Profile }
  | { rule: 'RESPONSIBLE_MEMBER' }
  | {
      rule: 'USER_PERMISSION' | 'GROUP_PERMISSION' | 'USER_DENIAL' | 'GROUP_DENIAL';
      ruleId?: string;
      groupId?: string;
      expiresAt: Date | null;
      on: 'PROCESS' | 'DOCUMENT';
    };

export interface AccessDecision {
  sees: boolean;
  /** Every rule that applies, winning or not (a denial next to the unit's level, say). */
  reasons: AccessReason[];
}

/** The highest level the viewer sees by the level table in a unit (-1: not a user of it). */
export function capIn(viewer: Viewer, unitId: string): number {
  let cap = -1;
  for (const a of viewer.assignments) if (a.unitId === unitId) cap = Math.max(cap, SECRECY_CAP[a.profile]);
  return cap;
}

/** Whether a rule speaks of this viewer now (its subject, and not expired). */
export function ruleApplies(rule: AccessRule, viewer: Viewer, at: Date): boolean {
  if (rule.expiresAt && rule.expiresAt.getTime() <= at.getTime()) return false;
  return rule.subjectType === 'USER' ? rule.subjectId === viewer.userId : viewer.groupIds.includes(rule.subjectId);
}

/** The level table of §4.1 for one level, judged in a unit, with the level-5 responsible member. */
function tableReasons(viewer: Viewer, level: number, unitId: string, responsible: string | null): AccessReason[] {
  if (level === 0) return [{ rule: 'PUBLIC' }];
  if (level === 5) return responsible === viewer.userId ? [{ rule: 'RESPONSIBLE_MEMBER' }] : [];
  const best = viewer.assignments
    .filter((a) => a.unitId === unitId && SECRECY_CAP[a.profile] >= level)
    .sort((a, b) => SECRECY_CAP[b.profile] - SECRECY_CAP[a.profile])[0];
  return best ? [{ rule: 'UNIT_LEVEL', profile: best.profile }] : [];
}

function ruleReasons(
  rules: readonly AccessRule[],
  viewer: Viewer,
  at: Date,
  on: 'PROCESS' | 'DOCUMENT',
  documentLevel?: number,
): { allow: AccessReason[]; deny: AccessReason[] } {
  const allow: AccessReason[] = [];
  const deny: AccessReason[] = [];
  for (const r of rules) {
    if (!ruleApplies(r, viewer, at)) continue;
    const byGroup = r.subjectType === 'GROUP';
    const base = {
      ...(r.id ? { ruleId: r.id } : {}),
      ...(byGroup ? { groupId: r.subjectId } : {}),
      expiresAt: r.expiresAt,
      on,
    };
    if (r.effect === 'DENY') deny.push({ rule: byGroup ? 'GROUP_DENIAL' : 'USER_DENIAL', ...base });
    else if (documentLevel === undefined || r.level === documentLevel)
      allow.push({ rule: byGroup ? 'GROUP_PERMISSION' : 'USER_PERMISSION', ...base });
  }
  return { allow, deny };
}

/**
 * Full content of a process (DOMAIN §4.3 precedence): an explicit denial shuts out, else
 * an explicit permission lets in, else the level table decides. Its SQL twin is
 * `fullContentSql` in libs/persistence; tests hold the two to the same answers.
 */
export function processAccess(viewer: Viewer, process: GuardedProcess, at: Date): AccessDecision {
  const table = tableReasons(viewer, process.secrecyLevel, process.unitId, process.responsibleMemberId);
  const { allow, deny } = ruleReasons(process.rules, viewer, at, 'PROCESS');
  return { sees: deny.length === 0 && (allow.length > 0 || table.length > 0), reasons: [...table, ...allow, ...deny] };
}

/**
 * A document: never through a denial on it or on its process; else by a permission on it
 * at its current level; else only with its process's full content and, for its own level,
 * the table again — or, when it was not raised above its process, the permission that
 * opened the process.
 */
export function documentAccess(viewer: Viewer, document: GuardedDocument, at: Date): AccessDecision {
  const p = document.process;
  const own = ruleReasons(document.rules, viewer, at, 'DOCUMENT', document.secrecyLevel);
  const table = tableReasons(
    viewer,
    document.secrecyLevel,
    p?.unitId ?? document.unitId,
    p?.responsibleMemberId ?? null,
  );
  if (!p) {
    return {
      sees: own.deny.length === 0 && (own.allow.length > 0 || table.length > 0),
      reasons: [...table, ...own.allow, ...own.deny],
    };
  }
  const processDecision = processAccess(viewer, p, at);
  const processRules = ruleReasons(p.rules, viewer, at, 'PROCESS');
  const processDenied = processRules.deny.length > 0;
  const throughProcess =
    processDecision.sees &&
    (table.length > 0 || (processRules.allow.length > 0 && document.secrecyLevel <= p.secrecyLevel));
  return {
    sees: !processDenied && own.deny.length === 0 && (own.allow.length > 0 || throughProcess),
    reasons: [...table, ...processRules.allow, ...own.allow, ...processRules.deny, ...own.deny],
  };
}

/**
 * What the viewer sees of a process. Without full content, asking by exact number still
 * shows the details of a level-1 process (and of a level-0 one a denial shut out).
 */
export function processVisibility(
  viewer: Viewer,
  process: GuardedProcess,
  at: Date,
  reach: Reach = 'list',
): Visibility {
  if (processAccess(viewer, process, at).sees) return 'full';
  return reach === 'exact_number' && process.secrecyLevel <= 1 ? 'details' : 'none';
}

/** The in-memory decision, for a process (full content) or a document. */
export function canSee(
  viewer: Viewer,
  resource: ({ kind: 'process' } & GuardedProcess) | ({ kind: 'document' } & GuardedDocument),
  at: Date,
): boolean {
  return resource.kind === 'process'
    ? processAccess(viewer, resource, at).sees
    : documentAccess(viewer, resource, at).sees;
}

/** The name a party is shown under: secret parties are "Parte sigilosa" without full content. */
export const SECRET_PARTY_NAME = 'Parte sigilosa';

export function partyNameFor(visibility: Visibility, party: { name: string; secret: boolean }): string {
  return party.secret && visibility !== 'full' ? SECRET_PARTY_NAME : party.name;
}
