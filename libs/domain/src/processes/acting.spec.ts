import type { Profile } from '../profiles';
import { refuseGrant } from '../secrecy/grants';
import {
  type Actor,
  allowedActions,
  isDistributorIn,
  isProcessOfMember,
  mayReadDistributionReport,
  refuseDrafting,
  refuseSigning,
  mayRegisterIn,
  type Operation,
  OPERATIONS,
  type ProcessPosition,
  refuseCancellation,
  refuseDistributionTarget,
  refuseOperation,
} from './acting';

const UNIT = 'unit-a';
const actor = (profile: Profile, over: Partial<Actor['assignments'][number]> = {}, userId = 'me'): Actor => ({
  userId,
  assignments: [{ unitId: UNIT, profile, secretaria: false, ...over }],
});
const inSecretaria: ProcessPosition = {
  unitId: UNIT,
  location: 'SECRETARIA',
  holderId: null,
  responsibleMemberId: 'm1',
  secrecyLevel: 0,
};
const concludedTo = (holderId: string): ProcessPosition => ({ ...inSecretaria, location: 'CONCLUSO', holderId });

describe(refuseOperation.name, () => {
  it('lets the holder of a concluded process move it', () => {
    for (const op of ['conclude', 'to-secretaria', 'forward', 'archive', 'move'] as Operation[]) {
      expect(refuseOperation(actor('MEMBER'), concludedTo('me'), op)).toBeNull();
    }
  });

  it('refuses anyone else on a process concluded to someone', () => {
    expect(refuseOperation(actor('MEMBER', { secretaria: true }), concludedTo('other'), 'forward')).toMatchObject({
      reason: 'actor',
    });
  });

  it('lets Secretaria-permission users move a process in Secretaria, and nobody without it', () => {
    expect(refuseOperation(actor('INTERN', { secretaria: true }), inSecretaria, 'conclude')).toBeNull();
    expect(refuseOperation(actor('MEMBER'), inSecretaria, 'conclude')).toMatchObject({ reason: 'actor' });
  });

  it('lets Secretaria users and MANAGER recover (resgatar) a concluded process', () => {
    expect(refuseOperation(actor('INTERN', { secretaria: true }), concludedTo('other'), 'recover')).toBeNull();
    expect(refuseOperation(actor('MANAGER'), concludedTo('other'), 'recover')).toBeNull();
    expect(refuseOperation(actor('MEMBER'), concludedTo('other'), 'recover')).toMatchObject({ reason: 'actor' });
  });

  it.each<Operation>(['conclude', 'forward', 'archive', 'move', 'to-secretaria'])(
    'never lets MANAGER %s, even holding the process with Secretaria permission',
    (op) => {
      expect(refuseOperation(actor('MANAGER', { secretaria: true }), concludedTo('me'), op)).not.toBeNull();
      expect(refuseOperation(actor('MANAGER', { secretaria: true }), inSecretaria, op)).not.toBeNull();
    },
  );

  it.each<Profile>(['INSPECTOR', 'ADMIN', 'PROTOCOL'])('never lets %s act', (profile) => {
    expect(refuseOperation(actor(profile, { secretaria: true }), inSecretaria, 'conclude')).not.toBeNull();
  });

  it('lets ANALYST and ASSISTANT move by custody alone: holding it, or working the Secretaria', () => {
    const analyst = actor('ANALYST', { secretaria: true, linkedMemberId: 'm1' });
    expect(refuseOperation(analyst, { ...inSecretaria, responsibleMemberId: 'm2' }, 'conclude')).toBeNull();
    const assistant = actor('ASSISTANT', { linkedMemberId: 'm9' }, 'me');
    expect(refuseOperation(assistant, concludedTo('me'), 'move')).toBeNull();
    expect(refuseOperation(assistant, inSecretaria, 'move')).toMatchObject({ reason: 'actor' });
  });

  it('refuses users of other units', () => {
    const elsewhere: Actor = { userId: 'me', assignments: [{ unitId: 'unit-b', profile: 'MEMBER', secretaria: true }] };
    expect(refuseOperation(elsewhere, inSecretaria, 'conclude')).toMatchObject({ reason: 'actor' });
  });

  it.each<[Operation, ProcessPosition['location']]>([
    ['conclude', 'ARCHIVED'],
    ['forward', 'ATTACHED'],
    ['move', 'EXTERNAL'],
    ['unarchive', 'SECRETARIA'],
    ['return-external', 'CONCLUSO'],
    ['to-secretaria', 'SECRETARIA'],
  ])('refuses %s on a process %s, naming where it is', (op, location) => {
    const refusal = refuseOperation(actor('MEMBER', { secretaria: true }), { ...inSecretaria, location }, op);
    expect(refusal).toMatchObject({ reason: 'location', message: expect.stringMatching(/o processo está/) });
  });

  it('lets Secretaria users unarchive and take back from an external organ', () => {
    const secretaria = actor('MEMBER', { secretaria: true });
    expect(refuseOperation(secretaria, { ...inSecretaria, location: 'ARCHIVED' }, 'unarchive')).toBeNull();
    expect(refuseOperation(secretaria, { ...inSecretaria, location: 'EXTERNAL' }, 'return-external')).toBeNull();
  });
});

describe(isProcessOfMember.name, () => {
  it('is the member responsible for it, or holding it', () => {
    expect(isProcessOfMember(inSecretaria, 'm1')).toBe(true);
    expect(isProcessOfMember({ ...inSecretaria, responsibleMemberId: null }, 'm1')).toBe(false);
    expect(isProcessOfMember({ ...concludedTo('m1'), responsibleMemberId: null }, 'm1')).toBe(true);
    expect(isProcessOfMember(inSecretaria, null)).toBe(false);
  });
});

describe(mayRegisterIn.name, () => {
  it.each<[Profile, boolean, boolean]>([
    ['MEMBER', false, true],
    ['CHIEF', false, true],
    ['MANAGER', false, true],
    ['ANALYST', false, true],
    ['INTERN', false, false],
    ['INTERN', true, true],
    ['INSPECTOR', false, false],
    ['INSPECTOR', true, false],
    ['PROTOCOL', false, false],
  ])('%s (Secretaria %s) → %s', (profile, secretaria, expected) => {
    expect(mayRegisterIn(actor(profile, { secretaria }), UNIT)).toBe(expected);
    expect(mayRegisterIn(actor(profile, { secretaria }), 'unit-b')).toBe(false);
  });
});

describe(refuseDrafting.name, () => {
  it.each<[Profile, string | null, boolean]>([
    ['MEMBER', null, true],
    ['INTERN', null, true],
    ['ANALYST', 'm1', true],
    ['ASSISTANT', 'm1', true],
    ['ASSISTANT', 'm2', false],
    ['MANAGER', null, false],
    ['INSPECTOR', null, false],
    ['PROTOCOL', null, false],
  ])('%s linked to %s drafts in a process of m1 → %s', (profile, linkedMemberId, allowed) => {
    expect(refuseDrafting(actor(profile, { linkedMemberId }), inSecretaria) === null).toBe(allowed);
  });

  it('refuses an archived or attached process, naming where it is', () => {
    for (const location of ['ARCHIVED', 'ATTACHED'] as const) {
      expect(refuseDrafting(actor('MEMBER'), { ...inSecretaria, location })).toMatchObject({ reason: 'location' });
    }
  });
});

describe(refuseSigning.name, () => {
  it.each<[Profile, boolean]>([
    ['MEMBER', true],
    ['CHIEF', true],
    ['ON_DUTY', true],
    ['ANALYST', false],
    ['MANAGER', false],
    ['INTERN', false],
  ])('%s signs → %s', (profile, allowed) => {
    expect(refuseSigning(actor(profile), inSecretaria) === null).toBe(allowed);
  });
});

describe('refuseOperation for a secrecy decree', () => {
  it.each<[Profile, boolean]>([
    ['MEMBER', true],
    ['CHIEF', true],
    ['ON_DUTY', true],
    ['MANAGER', false],
    ['ANALYST', false],
    ['INSPECTOR', false],
  ])('%s of the unit decrees, wherever the process is → %s', (profile, allowed) => {
    expect(refuseOperation(actor(profile), concludedTo('other'), 'secrecy') === null).toBe(allowed);
  });

  it('leaves a level-5 process to its responsible member alone', () => {
    const level5 = { ...inSecretaria, secrecyLevel: 5 };
    expect(refuseOperation(actor('CHIEF'), level5, 'secrecy')).toMatchObject({ reason: 'actor' });
    expect(refuseOperation(actor('MEMBER', {}, 'm1'), level5, 'secrecy')).toBeNull();
  });

  it('refuses an attached process', () => {
    expect(refuseOperation(actor('MEMBER'), { ...inSecretaria, location: 'ATTACHED' }, 'secrecy')).toMatchObject({
      reason: 'location',
    });
  });
});

describe('refuseOperation for deadlines', () => {
  it('lets whoever moves the process set, close and extend its internal deadlines, also while it is away', () => {
    const away = { ...inSecretaria, location: 'EXTERNAL' as const };
    for (const op of ['deadlines', 'close-deadline', 'extend-deadline'] as Operation[]) {
      expect(refuseOperation(actor('MEMBER'), concludedTo('me'), op)).toBeNull();
      expect(refuseOperation(actor('INTERN', { secretaria: true }), away, op)).toBeNull();
      expect(refuseOperation(actor('MEMBER'), inSecretaria, op)).toMatchObject({ reason: 'actor' });
      expect(refuseOperation(actor('MEMBER'), { ...inSecretaria, location: 'ARCHIVED' }, op)).toMatchObject({
        reason: 'location',
      });
    }
  });

  it("lets an ANALYST close the deadlines of its member's processes, and only close them", () => {
    const analyst = actor('ANALYST', { linkedMemberId: 'm1' });
    expect(refuseOperation(analyst, concludedTo('m1'), 'close-deadline')).toBeNull();
    expect(refuseOperation(analyst, inSecretaria, 'close-deadline')).toBeNull(); // m1 is responsible
    expect(refuseOperation(analyst, { ...inSecretaria, responsibleMemberId: 'm2' }, 'close-deadline')).toMatchObject({
      reason: 'actor',
    });
    expect(refuseOperation(analyst, inSecretaria, 'deadlines')).toMatchObject({ reason: 'actor' });
    expect(refuseOperation(actor('ASSISTANT', { linkedMemberId: 'm1' }), inSecretaria, 'close-deadline')).toMatchObject(
      { reason: 'actor' },
    );
  });

  it('leaves extending a legal deadline to the members of the unit and the responsible one', () => {
    expect(refuseOperation(actor('MEMBER'), concludedTo('other'), 'extend-legal-deadline')).toBeNull();
    expect(refuseOperation(actor('ANALYST', {}, 'm1'), inSecretaria, 'extend-legal-deadline')).toBeNull();
    expect(refuseOperation(actor('INTERN', { secretaria: true }), inSecretaria, 'extend-legal-deadline')).toMatchObject(
      { reason: 'actor' },
    );
  });
});

describe('distribution: who distributes to whom, who cancels', () => {
  const unit = 'u1';
  const actor = (profile: Profile, linkedMemberId: string | null = null, userId = 'a1'): Actor => ({
    userId,
    assignments: [{ unitId: unit, profile, secretaria: false, linkedMemberId }],
  });
  const free = { unitId: unit, responsibleMemberId: null };
  const taken = { unitId: unit, responsibleMemberId: 'm2' };

  it('CHIEF and MANAGER to any member, replacing a running distribution', () => {
    for (const profile of ['CHIEF', 'MANAGER'] as const) {
      expect(refuseDistributionTarget(actor(profile), free, 'm1')).toBeNull();
      expect(refuseDistributionTarget(actor(profile), taken, 'm1')).toBeNull();
    }
  });

  it('an ANALYST to its member, a member to itself — only a process nobody is responsible for', () => {
    expect(refuseDistributionTarget(actor('ANALYST', 'm1'), free, 'm1')).toBeNull();
    expect(refuseDistributionTarget(actor('ANALYST', 'm1'), free, 'm3')?.reason).toBe('actor');
    expect(refuseDistributionTarget(actor('ANALYST', 'm1'), taken, 'm1')?.reason).toBe('actor');
    expect(refuseDistributionTarget(actor('MEMBER', null, 'm1'), free, 'm1')).toBeNull();
    expect(refuseDistributionTarget(actor('MEMBER', null, 'm1'), free, 'm3')?.reason).toBe('actor');
    expect(refuseDistributionTarget(actor('MEMBER', null, 'm1'), taken, 'm1')?.reason).toBe('actor');
    expect(refuseDistributionTarget(actor('INTERN'), free, 'm1')?.reason).toBe('actor');
    expect(
      refuseDistributionTarget(actor('CHIEF'), { unitId: 'elsewhere', responsibleMemberId: null }, 'm1'),
    ).not.toBeNull();
  });

  it('who runs a unit’s distribution, and who reads its reports', () => {
    expect(isDistributorIn(actor('CHIEF'), unit)).toBe(true);
    expect(isDistributorIn(actor('MANAGER'), unit)).toBe(true);
    expect(isDistributorIn(actor('MANAGER'), 'other')).toBe(false);
    expect(isDistributorIn(actor('INSPECTOR'), unit)).toBe(false);
    expect(mayReadDistributionReport(actor('INSPECTOR'), unit)).toBe(true);
    expect(mayReadDistributionReport(actor('MANAGER'), unit)).toBe(true);
    expect(mayReadDistributionReport(actor('MEMBER'), unit)).toBe(false);
    expect(mayReadDistributionReport(actor('INSPECTOR'), 'other')).toBe(false);
  });

  it('cancellation: CHIEF or MANAGER of the unit that distributed', () => {
    expect(refuseCancellation(actor('MANAGER'), unit)).toBeNull();
    expect(refuseCancellation(actor('CHIEF'), unit)).toBeNull();
    expect(refuseCancellation(actor('MEMBER'), unit)?.reason).toBe('actor');
    expect(refuseCancellation(actor('MANAGER'), 'other')?.reason).toBe('actor');
  });

  it('impediment is the distributed member’s; a lottery the distributors’', () => {
    const p = {
      unitId: unit,
      location: 'SECRETARIA' as const,
      holderId: null,
      responsibleMemberId: 'm1',
      secrecyLevel: 0,
    };
    expect(refuseOperation(actor('MEMBER', null, 'm1'), p, 'impediment')).toBeNull();
    expect(refuseOperation(actor('MEMBER', null, 'm2'), p, 'impediment')?.reason).toBe('actor');
    expect(refuseOperation(actor('MANAGER'), p, 'lottery')).toBeNull();
    expect(refuseOperation(actor('ANALYST', 'm1'), p, 'lottery')?.reason).toBe('actor');
    expect(refuseOperation(actor('MANAGER'), { ...p, location: 'ARCHIVED' }, 'lottery')?.reason).toBe('location');
  });
});

describe(allowedActions.name, () => {
  it('offers exactly what refuseOperation, refuseDrafting and refuseSigning allow', () => {
    const actors = [
      actor('MEMBER'),
      actor('MEMBER', { secretaria: true }),
      actor('ANALYST', { secretaria: true, linkedMemberId: 'm1' }),
      actor('MANAGER'),
      actor('INTERN'),
      actor('INSPECTOR'),
    ];
    const positions = [
      inSecretaria,
      concludedTo('me'),
      concludedTo('other'),
      { ...inSecretaria, location: 'ARCHIVED' as const },
    ];
    for (const a of actors) {
      for (const p of positions) {
        const offered = allowedActions(a, p);
        for (const op of OPERATIONS.filter((o) => o !== 'cancel-distribution')) {
          expect(offered.includes(op)).toBe(refuseOperation(a, p, op) === null);
        }
        expect(offered.includes('draft')).toBe(refuseDrafting(a, p) === null);
        expect(offered.includes('sign')).toBe(refuseSigning(a, p) === null);
        expect(offered.includes('grant-access')).toBe(refuseGrant(a, p) === null);
      }
    }
  });

  it('offers the holder its moves, drafting and signing; a colleague of the unit only what needs no custody', () => {
    expect(allowedActions(actor('MEMBER'), concludedTo('me'))).toEqual(
      expect.arrayContaining(['conclude', 'to-secretaria', 'archive', 'draft', 'sign']),
    );
    const colleague = allowedActions(actor('MEMBER'), concludedTo('other'));
    expect(colleague).not.toContain('conclude');
    expect(colleague).toEqual(expect.arrayContaining(['secrecy', 'draft', 'sign']));
  });

  it('offers cancel-distribution to the distributors of the unit that distributed, and only with one to cancel', () => {
    expect(allowedActions(actor('CHIEF'), inSecretaria)).not.toContain('cancel-distribution');
    expect(allowedActions(actor('CHIEF'), inSecretaria, UNIT)).toContain('cancel-distribution');
    expect(allowedActions(actor('CHIEF'), inSecretaria, 'centre')).not.toContain('cancel-distribution');
    expect(allowedActions(actor('MEMBER'), inSecretaria, UNIT)).not.toContain('cancel-distribution');
  });

  it('offers an inspector nothing', () => {
    expect(allowedActions(actor('INSPECTOR'), inSecretaria)).toEqual([]);
  });
});
