import { type Actor, type Location, mayReceiveConclusion, mayRegisterIn } from '../processes/acting';
import type { Profile } from '../profiles';

/** What a court pushes in: a citação or an intimação. */
export const COMMUNICATION_KINDS = ['CITATION', 'INTIMATION'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** Whom an incoming communication went to (DOMAIN §1, §5). */
export const COMMUNICATION_ROUTES = ['CHIEF', 'ON_DUTY', 'RESPONSIBLE', 'SECRETARIA'] as const;
export type CommunicationRoute = (typeof COMMUNICATION_ROUTES)[number];

/** A user of the target unit, as routing needs to know it. */
export interface UnitUser {
  userId: string;
  username: string;
  /** The user's profile in the target unit (one assignment per unit). */
  profile: Profile;
  /** The account is active. */
  active: boolean;
}

/** A plantão of the target unit: `startsAt` inclusive, `endsAt` exclusive. */
export interface DutyPeriod {
  memberId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface RoutingInput {
  kind: CommunicationKind;
  urgent: boolean;
  /** When it is received: the application's clock. */
  now: Date;
  /** Users of the target unit; any superset of its chiefs, on-duty members and the responsible member. */
  unitUsers: readonly UnitUser[];
  /** The unit's duty periods; any superset of the ones around `now`. */
  dutyPeriods: readonly DutyPeriod[];
  /** The process's responsible member; null for none (and for a process registered with the communication). */
  responsibleMemberId: string | null;
}

export interface RoutingDecision {
  route: CommunicationRoute;
  /** The user the process is concluded to; null when it goes to the unit's Secretaria. */
  userId: string | null;
}

const SECRETARIA: RoutingDecision = { route: 'SECRETARIA', userId: null };

/**
 * Where an incoming communication goes: a citation to the unit's CHIEF (the lowest
 * username among several); an urgent intimation inside a plantão to its ON_DUTY member;
 * any other intimation to the responsible member while that member works in the unit;
 * and whatever finds nobody, to the unit's Secretaria.
 */
export function routeCommunication(input: RoutingInput): RoutingDecision {
  const active = input.unitUsers.filter((u) => u.active);
  if (input.kind === 'CITATION') {
    const chief = active
      .filter((u) => u.profile === 'CHIEF')
      // Code-unit order of the lower-cased name: the same answer on every machine and locale.
      .sort((a, b) => compare(a.username.toLowerCase(), b.username.toLowerCase()))[0];
    return chief ? { route: 'CHIEF', userId: chief.userId } : SECRETARIA;
  }
  if (input.urgent) {
    const onDuty = input.dutyPeriods
      .filter((d) => d.startsAt.getTime() <= input.now.getTime() && input.now.getTime() < d.endsAt.getTime())
      .map((d) => active.find((u) => u.userId === d.memberId && u.profile === 'ON_DUTY'))
      .find((u) => u !== undefined);
    // A plantão whose member no longer holds ON_DUTY here is no plantão: the intimation waits like any other.
    if (onDuty) return { route: 'ON_DUTY', userId: onDuty.userId };
  }
  const responsible = active.find((u) => u.userId === input.responsibleMemberId && mayReceiveConclusion(u.profile));
  return responsible ? { route: 'RESPONSIBLE', userId: responsible.userId } : SECRETARIA;
}

/**
 * Who may bring a communication in for a unit: the Protocolo, which receives for the whole
 * institution, and whoever may register processes in that unit.
 */
export function mayReceiveCommunicationFor(actor: Actor, unitId: string): boolean {
  return actor.assignments.some((a) => a.profile === 'PROTOCOL') || mayRegisterIn(actor, unitId);
}

/** Why a process cannot take a communication, by where it is; SECRETARIA and CONCLUSO take one. */
const CLOSED: Readonly<Partial<Record<Location, string>>> = {
  EXTERNAL: 'O processo está em órgão externo: registre o retorno antes de receber a comunicação.',
  ARCHIVED: 'O processo está arquivado: desarquive-o antes de receber a comunicação.',
  ATTACHED: 'O processo está anexado a outro: a comunicação deve ir ao processo principal.',
};

/**
 * Why a communication addressed to `unitId` may not land on this existing process (null:
 * it may): the process must be in that unit, in its Secretaria or concluso to someone.
 */
export function refuseCommunication(p: { unitId: string; location: Location }, unitId: string): string | null {
  if (p.unitId !== unitId) return 'O processo não está no órgão a que a comunicação se destina.';
  return CLOSED[p.location] ?? null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
