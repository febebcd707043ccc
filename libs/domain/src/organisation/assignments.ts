import type { FieldError } from '../errors';
import type { Profile } from '../profiles';

/** Profiles that make someone a member (membro) of a unit: they act, sign and receive distribution. */
export const MEMBER_PROFILES: readonly Profile[] = ['MEMBER', 'CHIEF', 'ON_DUTY'];

/** Profiles that work for one member of the unit and must name it (DOMAIN §1). */
export const LINKED_PROFILES: readonly Profile[] = ['ANALYST', 'ASSISTANT'];

/** A lotação as requested: the unit, the profile, the Secretaria permission and the linked member. */
export interface AssignmentDraft {
  unitId: string | null;
  profile: Profile;
  secretaria: boolean;
  linkedMemberId: string | null;
}

/** What the database knows about the units and members the drafts name. */
export interface AssignmentFacts {
  unitExists(unitId: string): boolean;
  /** Whether the user holds a member profile in the unit (after the change, for the user itself). */
  isMemberOf(userId: string, unitId: string): boolean;
}

/**
 * Everything wrong with a user's assignments, each naming its field
 * (`assignments.0.unitId`, …, as the validation pipe names them). `userId` is the user being written, if it exists.
 */
export function assignmentProblems(
  drafts: readonly AssignmentDraft[],
  facts: AssignmentFacts,
  userId?: string,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string | null>();
  drafts.forEach((draft, i) => {
    const field = (name: keyof AssignmentDraft) => `assignments.${i}.${name}`;
    const fail = (name: keyof AssignmentDraft, message: string) => problems.push({ field: field(name), message });

    if (draft.profile === 'ADMIN') {
      if (draft.unitId !== null) fail('unitId', 'o perfil ADMIN vale para a instituição toda e não tem órgão');
    } else if (draft.unitId === null) {
      fail('unitId', 'informe o órgão da lotação');
    } else if (!facts.unitExists(draft.unitId)) {
      fail('unitId', 'órgão não encontrado');
    }
    if (seen.has(draft.unitId)) fail('unitId', 'o usuário já tem uma lotação neste órgão');
    seen.add(draft.unitId);

    if (LINKED_PROFILES.includes(draft.profile)) {
      if (!draft.linkedMemberId) {
        fail('linkedMemberId', `o perfil ${draft.profile} exige o membro a quem o usuário está vinculado`);
      } else if (draft.linkedMemberId === userId) {
        fail('linkedMemberId', 'o usuário não pode ser vinculado a si mesmo');
      } else if (
        draft.unitId &&
        facts.unitExists(draft.unitId) &&
        !facts.isMemberOf(draft.linkedMemberId, draft.unitId)
      ) {
        fail('linkedMemberId', 'o usuário vinculado não é membro deste órgão');
      }
    } else if (draft.linkedMemberId) {
      fail('linkedMemberId', `o perfil ${draft.profile} não tem membro vinculado`);
    }
  });
  return problems;
}
