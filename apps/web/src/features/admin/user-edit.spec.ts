import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api';
import { assignmentsReady, editForm, userPatch } from './user-edit';

const user: Schemas['UserDto'] = {
  id: 'x',
  username: 'ana',
  fullName: 'Ana Lins',
  cpf: '52998224725',
  email: 'ana@mp.example',
  registrationNumber: null,
  active: true,
  totpEnabled: true,
  version: 4,
  assignments: [
    { unitId: 'u1', unitCode: '001', profile: 'INTERN', secretaria: true, linkedMemberId: null },
    { unitId: 'u2', unitCode: '002', profile: 'MEMBER', secretaria: false, linkedMemberId: null },
  ],
};
/** The viewer manages u1 only. */
const inU1 = (a: { unitId: string | null }) => a.unitId === 'u1';

describe(editForm.name, () => {
  it('splits the assignments into those the viewer changes and those that stay', () => {
    const { form, kept } = editForm(user, inU1);
    expect(form).toEqual({
      fullName: 'Ana Lins',
      email: 'ana@mp.example',
      active: true,
      assignments: [{ unitId: 'u1', profile: 'INTERN', secretaria: true, linkedMemberId: null }],
    });
    expect(kept).toEqual([user.assignments[1]]);
  });
});

describe(userPatch.name, () => {
  it('is null when nothing changed, names untouched included', () => {
    const { form } = editForm(user, inU1);
    expect(userPatch(user, { ...form, fullName: ' Ana Lins ' }, inU1)).toBeNull();
  });

  it('sends only what changed, with the version read', () => {
    const { form } = editForm(user, inU1);
    expect(userPatch(user, { ...form, active: false, email: 'ana.lins@mp.example' }, inU1)).toEqual({
      version: 4,
      email: 'ana.lins@mp.example',
      active: false,
    });
  });

  it('sends the assignments of the managed units only, as the API takes them', () => {
    const { form } = editForm(user, inU1);
    const rows = [
      ...form.assignments,
      { unitId: 'u3', profile: 'ASSISTANT' as const, secretaria: false, linkedMemberId: 'm3' },
      // A unit or a member left over from another profile is not sent.
      { unitId: 'u4', profile: 'ADMIN' as const, secretaria: true, linkedMemberId: 'm4' },
      { unitId: 'u5', profile: 'MEMBER' as const, secretaria: false, linkedMemberId: 'm5' },
    ];
    expect(userPatch(user, { ...form, assignments: rows }, inU1)).toEqual({
      version: 4,
      assignments: [
        { unitId: 'u1', profile: 'INTERN', secretaria: true, linkedMemberId: null },
        { unitId: 'u3', profile: 'ASSISTANT', secretaria: false, linkedMemberId: 'm3' },
        { unitId: null, profile: 'ADMIN', secretaria: false, linkedMemberId: null },
        { unitId: 'u5', profile: 'MEMBER', secretaria: false, linkedMemberId: null },
      ],
    });
  });

  it('sends an empty list when the last managed assignment is removed', () => {
    const { form } = editForm(user, inU1);
    expect(userPatch(user, { ...form, assignments: [] }, inU1)).toEqual({ version: 4, assignments: [] });
  });
});

describe(assignmentsReady.name, () => {
  it('wants a profile in every row, and a unit but for ADMIN', () => {
    const row = { unitId: 'u1', profile: 'MEMBER' as const, secretaria: false, linkedMemberId: null };
    expect(assignmentsReady([row, { ...row, unitId: null, profile: 'ADMIN' }])).toBe(true);
    expect(assignmentsReady([{ ...row, profile: null }])).toBe(false);
    expect(assignmentsReady([{ ...row, unitId: null }])).toBe(false);
  });
});
