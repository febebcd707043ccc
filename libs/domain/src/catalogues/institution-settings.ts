import type { FieldError } from '../errors';
import { PROFILES, type Profile, SECRECY_CAP } from '../profiles';

/** The highest level each profile may assign (DOMAIN §4.2); null: none. */
export type SecrecyAssignmentTable = Readonly<Record<Profile, number | null>>;

export const DEFAULT_SECRECY_ASSIGNMENT: SecrecyAssignmentTable = {
  CHIEF: 5,
  MEMBER: 5,
  ON_DUTY: 5,
  MANAGER: 4,
  INSPECTOR: null,
  ANALYST: 2,
  ASSISTANT: 1,
  INTERN: 1,
  PROTOCOL: 0,
  ADMIN: null,
};

/** Institution-wide settings an administrator edits. */
export interface InstitutionSettings {
  timeZone: string;
  trustedDeviceDays: number;
  deadlineWarningDays: number;
  yearEndRecess: boolean;
  secrecyAssignment: SecrecyAssignmentTable;
}

export const DEFAULT_INSTITUTION_SETTINGS: InstitutionSettings = {
  timeZone: 'America/Sao_Paulo',
  trustedDeviceDays: 30,
  deadlineWarningDays: 5,
  yearEndRecess: true,
  secrecyAssignment: DEFAULT_SECRECY_ASSIGNMENT,
};

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/**
 * Problems of a secrecy-assignment table: every profile present, levels 0–5 or null,
 * and nobody assigning a level above what it could then see (its SECRECY_CAP).
 */
export function secrecyAssignmentProblems(table: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  for (const key of Object.keys(table)) {
    if (!(PROFILES as readonly string[]).includes(key)) {
      problems.push({ field: `secrecyAssignment.${key}`, message: 'perfil desconhecido' });
    }
  }
  for (const profile of PROFILES) {
    const field = `secrecyAssignment.${profile}`;
    const value = table[profile];
    if (value === undefined) problems.push({ field, message: 'informe o nível máximo (ou null)' });
    else if (value !== null && (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 5)) {
      problems.push({ field, message: 'nível deve ser de 0 a 5, ou null' });
    } else if (value !== null && (value as number) > SECRECY_CAP[profile]) {
      problems.push({ field, message: `acima do que o perfil ${profile} pode ver (${SECRECY_CAP[profile]})` });
    }
  }
  return problems;
}
