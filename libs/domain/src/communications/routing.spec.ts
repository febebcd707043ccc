import type { Actor, Location } from '../processes/acting';
import type { Profile } from '../profiles';
import {
  type DutyPeriod,
  mayReceiveCommunicationFor,
  refuseCommunication,
  routeCommunication,
  type RoutingInput,
  type UnitUser,
} from './routing';

const NOW = new Date('2026-03-10T15:00:00Z');
const at = (iso: string) => new Date(iso);
const user = (userId: string, profile: Profile, over: Partial<UnitUser> = {}): UnitUser => ({
  userId,
  username: userId,
  profile,
  active: true,
  ...over,
});
const period = (memberId: string, startsAt: string, endsAt: string): DutyPeriod => ({
  memberId,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
});
const TODAY = period('plantonista', '2026-03-10T12:00:00Z', '2026-03-10T18:00:00Z');
const input = (over: Partial<RoutingInput>): RoutingInput => ({
  kind: 'INTIMATION',
  urgent: false,
  now: NOW,
  unitUsers: [],
  dutyPeriods: [],
  responsibleMemberId: null,
  ...over,
});

describe(routeCommunication.name, () => {
  describe('a citation', () => {
    it.each<[string, UnitUser[], string | null]>([
      ['goes to the CHIEF', [user('chefe', 'CHIEF'), user('membro', 'MEMBER')], 'chefe'],
      [
        'goes to the lowest username among several CHIEFs, whatever the case',
        [user('c2', 'CHIEF', { username: 'beatriz' }), user('c1', 'CHIEF', { username: 'Ana' })],
        'c1',
      ],
      [
        'skips an inactive CHIEF',
        [user('c1', 'CHIEF', { username: 'ana', active: false }), user('c2', 'CHIEF', { username: 'bia' })],
        'c2',
      ],
      ['goes to the Secretaria when the unit has no CHIEF', [user('membro', 'MEMBER')], null],
      ['goes to the Secretaria when every CHIEF is inactive', [user('chefe', 'CHIEF', { active: false })], null],
    ])('%s', (_, unitUsers, expected) => {
      const decision = routeCommunication(input({ kind: 'CITATION', unitUsers }));
      expect(decision).toEqual(expected ? { route: 'CHIEF', userId: expected } : { route: 'SECRETARIA', userId: null });
    });

    it('ignores urgency, the plantão and the responsible member', () => {
      const decision = routeCommunication(
        input({
          kind: 'CITATION',
          urgent: true,
          unitUsers: [user('chefe', 'CHIEF'), user('plantonista', 'ON_DUTY'), user('membro', 'MEMBER')],
          dutyPeriods: [TODAY],
          responsibleMemberId: 'membro',
        }),
      );
      expect(decision).toEqual({ route: 'CHIEF', userId: 'chefe' });
    });

    it('does not depend on the order the users come in', () => {
      const users = [user('x', 'CHIEF', { username: 'zeca' }), user('y', 'CHIEF', { username: 'maria' })];
      const first = routeCommunication(input({ kind: 'CITATION', unitUsers: users }));
      const second = routeCommunication(input({ kind: 'CITATION', unitUsers: [...users].reverse() }));
      expect(first).toEqual(second);
    });
  });

  describe('an intimation', () => {
    const unitUsers = [user('plantonista', 'ON_DUTY'), user('membro', 'MEMBER'), user('chefe', 'CHIEF')];

    it.each<[string, Partial<RoutingInput>, string, string | null]>([
      ['urgent, inside a plantão: to its ON_DUTY member', { urgent: true }, 'ON_DUTY', 'plantonista'],
      [
        'urgent, at the first instant of the plantão',
        { urgent: true, now: at('2026-03-10T12:00:00Z') },
        'ON_DUTY',
        'plantonista',
      ],
      [
        'urgent, at the instant the plantão ends: to the responsible member',
        { urgent: true, now: at('2026-03-10T18:00:00Z') },
        'RESPONSIBLE',
        'membro',
      ],
      [
        'urgent, before the plantão: to the responsible member',
        { urgent: true, now: at('2026-03-10T11:59:59.999Z') },
        'RESPONSIBLE',
        'membro',
      ],
      ['not urgent, inside a plantão: to the responsible member', { urgent: false }, 'RESPONSIBLE', 'membro'],
      [
        'urgent, inside a plantão whose member was deactivated: to the responsible member',
        { urgent: true, unitUsers: [user('plantonista', 'ON_DUTY', { active: false }), user('membro', 'MEMBER')] },
        'RESPONSIBLE',
        'membro',
      ],
      [
        'urgent, inside a plantão whose member no longer holds ON_DUTY here: to the responsible member',
        { urgent: true, unitUsers: [user('plantonista', 'MEMBER'), user('membro', 'MEMBER')] },
        'RESPONSIBLE',
        'membro',
      ],
      [
        'urgent, inside a plantão whose member is not of the unit: to the responsible member',
        { urgent: true, unitUsers: [user('membro', 'MEMBER')] },
        'RESPONSIBLE',
        'membro',
      ],
      [
        'urgent, with no plantão at all: to the responsible member',
        { urgent: true, dutyPeriods: [] },
        'RESPONSIBLE',
        'membro',
      ],
      [
        'urgent, picking the plantão around now among others',
        {
          urgent: true,
          unitUsers: [...unitUsers, user('ontem', 'ON_DUTY')],
          dutyPeriods: [period('ontem', '2026-03-09T12:00:00Z', '2026-03-10T12:00:00Z'), TODAY],
        },
        'ON_DUTY',
        'plantonista',
      ],
      ['with no responsible member: to the Secretaria', { responsibleMemberId: null }, 'SECRETARIA', null],
      [
        'urgent, outside a plantão, with no responsible member: to the Secretaria',
        { urgent: true, now: at('2026-03-11T00:00:00Z'), responsibleMemberId: null },
        'SECRETARIA',
        null,
      ],
      [
        'whose responsible member was deactivated: to the Secretaria',
        { unitUsers: [user('membro', 'MEMBER', { active: false })] },
        'SECRETARIA',
        null,
      ],
      [
        'whose responsible member left the unit: to the Secretaria',
        { unitUsers: [user('chefe', 'CHIEF')] },
        'SECRETARIA',
        null,
      ],
      [
        'whose responsible member holds, here, a profile no process is concluded to: to the Secretaria',
        { unitUsers: [user('membro', 'INSPECTOR')] },
        'SECRETARIA',
        null,
      ],
      [
        'whose responsible member is the CHIEF: to the CHIEF, as responsible',
        { responsibleMemberId: 'chefe' },
        'RESPONSIBLE',
        'chefe',
      ],
    ])('%s', (_, over, route, userId) => {
      const decision = routeCommunication(
        input({ unitUsers, dutyPeriods: [TODAY], responsibleMemberId: 'membro', ...over }),
      );
      expect(decision).toEqual({ route, userId });
    });
  });
});

describe(mayReceiveCommunicationFor.name, () => {
  const UNIT = 'unit-a';
  const actor = (profile: Profile, unitId: string | null, secretaria = false): Actor => ({
    userId: 'me',
    assignments: [{ unitId, profile, secretaria }],
  });

  it.each<[string, Actor]>([
    ['PROTOCOL of the unit', actor('PROTOCOL', UNIT)],
    ['PROTOCOL of another unit: it receives for the institution', actor('PROTOCOL', 'protocolo')],
    ['PROTOCOL with no unit', actor('PROTOCOL', null)],
    ['a MEMBER of the unit', actor('MEMBER', UNIT)],
    ['a CHIEF of the unit', actor('CHIEF', UNIT)],
    ['a MANAGER of the unit', actor('MANAGER', UNIT)],
    ['an ANALYST of the unit', actor('ANALYST', UNIT)],
    ['an INTERN with Secretaria permission in the unit', actor('INTERN', UNIT, true)],
  ])('lets in %s', (_, who) => {
    expect(mayReceiveCommunicationFor(who, UNIT)).toBe(true);
  });

  it.each<[string, Actor]>([
    ['an INTERN without Secretaria permission', actor('INTERN', UNIT)],
    ['an ASSISTANT', actor('ASSISTANT', UNIT)],
    ['an INSPECTOR, even with Secretaria permission', actor('INSPECTOR', UNIT, true)],
    ['an ADMIN', actor('ADMIN', null)],
    ['a MEMBER of another unit', actor('MEMBER', 'other', true)],
  ])('keeps out %s', (_, who) => {
    expect(mayReceiveCommunicationFor(who, UNIT)).toBe(false);
  });
});

describe(refuseCommunication.name, () => {
  it.each<Location>(['SECRETARIA', 'CONCLUSO'])('takes one on a process of the unit %s', (location) => {
    expect(refuseCommunication({ unitId: 'unit-a', location }, 'unit-a')).toBeNull();
  });

  it.each<[Location, RegExp]>([
    ['EXTERNAL', /órgão externo/],
    ['ARCHIVED', /arquivado/],
    ['ATTACHED', /anexado/],
  ])('refuses one on a process of the unit %s', (location, message) => {
    expect(refuseCommunication({ unitId: 'unit-a', location }, 'unit-a')).toMatch(message);
  });

  it.each<Location>(['SECRETARIA', 'CONCLUSO', 'ARCHIVED'])(
    'refuses one on a process %s in another unit',
    (location) => {
      expect(refuseCommunication({ unitId: 'unit-b', location }, 'unit-a')).toMatch(/não está no órgão/);
    },
  );
});
