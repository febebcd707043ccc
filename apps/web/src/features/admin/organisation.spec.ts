import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api';
import { MEMBER_PROFILES } from '@domain/organisation/assignments';
import { holdersIn, managesUnit, profileChoices } from './organisation';

type User = Schemas['UserDto'];

const user = (id: string, assignments: Partial<Schemas['AssignmentDto']>[], active = true): User => ({
  id,
  username: id,
  fullName: `User ${id}`,
  cpf: null,
  email: `${id}@mp.example`,
  registrationNumber: null,
  active,
  totpEnabled: true,
  version: 1,
  assignments: assignments.map((a) => ({
    unitId: 'u1',
    unitCode: '001',
    profile: 'MEMBER',
    secretaria: false,
    linkedMemberId: null,
    ...a,
  })),
});

describe(managesUnit.name, () => {
  it('lets an ADMIN manage every unit, and the institution-wide assignments', () => {
    const admin = [{ unitId: null, profile: 'ADMIN' as const }];
    expect(managesUnit(admin, 'u1')).toBe(true);
    expect(managesUnit(admin, null)).toBe(true);
  });

  it('lets a CHIEF or a MANAGER manage only its own units, and nobody else manage any', () => {
    const chief = [
      { unitId: 'u1', profile: 'CHIEF' as const },
      { unitId: 'u2', profile: 'MEMBER' as const },
    ];
    expect(managesUnit(chief, 'u1')).toBe(true);
    expect(managesUnit(chief, 'u2')).toBe(false);
    expect(managesUnit(chief, null)).toBe(false);
    expect(managesUnit([{ unitId: 'u3', profile: 'MANAGER' }], 'u3')).toBe(true);
    expect(managesUnit([{ unitId: 'u3', profile: 'INSPECTOR' }], 'u3')).toBe(false);
  });
});

describe(holdersIn.name, () => {
  it('keeps the active users holding the profile in that very unit', () => {
    const users = [
      user('member', [{ profile: 'MEMBER' }]),
      user('chief', [{ profile: 'CHIEF' }]),
      // Assigned to u1 as an assistant, a member elsewhere: the API's filter would return it.
      user('elsewhere', [
        { profile: 'ASSISTANT', linkedMemberId: 'member' },
        { unitId: 'u2', unitCode: '002', profile: 'MEMBER' },
      ]),
      user('gone', [{ profile: 'MEMBER' }], false),
    ];
    expect(holdersIn(users, 'u1', MEMBER_PROFILES).map((u) => u.id)).toEqual(['member', 'chief']);
    expect(holdersIn(users, 'u2', ['MEMBER']).map((u) => u.id)).toEqual(['elsewhere']);
    expect(holdersIn(users, 'u1', ['ON_DUTY'])).toEqual([]);
  });
});

describe(profileChoices.name, () => {
  const manager = [{ unitId: 'u1', profile: 'MANAGER' as const }];

  it('offers a manager only the profiles within its reach, those of its units before one is chosen', () => {
    expect(profileChoices(manager, undefined, undefined)).toEqual([
      'MANAGER',
      'ANALYST',
      'ASSISTANT',
      'INTERN',
      'PROTOCOL',
    ]);
    expect(profileChoices(manager, 'u2', undefined)).toEqual([]);
    expect(profileChoices([{ unitId: null, profile: 'ADMIN' }], null, null)).toContain('ADMIN');
  });

  it('keeps the profile a row holds, so the form still shows it', () => {
    expect(profileChoices(manager, 'u1', 'CHIEF')).toEqual([
      'CHIEF',
      'MANAGER',
      'ANALYST',
      'ASSISTANT',
      'INTERN',
      'PROTOCOL',
    ]);
  });
});
