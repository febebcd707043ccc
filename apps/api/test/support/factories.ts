import type { Profile } from '@acervo/domain';
import { AssignmentEntity, UnitEntity, UserEntity } from '@acervo/persistence';
import { PasswordHasher } from '../../src/common/password-hasher';
import type { Office } from './test-app';

let sequence = 0;
const next = () => ++sequence;

/** CPFs with valid check digits, distinct per call. */
export function cpfFor(n: number): string {
  const base = String(100_000_000 + n).slice(-9);
  const digit = (digits: string, weight: number) => {
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (weight - i), 0);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const d1 = digit(base, 10);
  return `${base}${d1}${digit(`${base}${d1}`, 11)}`;
}

export async function createUnit(
  t: Pick<Office, 'dataSource'>,
  overrides: Partial<UnitEntity> = {},
): Promise<UnitEntity> {
  const n = next();
  return t.dataSource.getRepository(UnitEntity).save({
    code: String(100 + n).padStart(3, '0'),
    name: `Promotoria de Justiça ${n}`,
    kind: 'PROSECUTION_OFFICE',
    city: 'Maceió',
    uf: 'AL',
    ...overrides,
  });
}

export interface UserSpec {
  username?: string;
  password?: string;
  email?: string;
  profile?: Profile;
  unitId?: string | null;
  secretaria?: boolean;
  linkedMemberId?: string | null;
}

/** A user with a password and one assignment, written straight to the database. */
export async function createUser(t: Pick<Office, 'dataSource'>, spec: UserSpec = {}) {
  const n = next();
  const username = spec.username ?? `usuario${n}`;
  const password = spec.password ?? `senha-de-teste-${n}-longa`;
  const email = spec.email ?? `${username}@mp.example`;
  const db = t.dataSource;
  const user = await db.getRepository(UserEntity).save({
    username,
    fullName: `Usuário de Teste ${n}`,
    cpf: cpfFor(n),
    email,
    passwordHash: await new PasswordHasher().hash(password),
  });
  await db.getRepository(AssignmentEntity).save({
    userId: user.id,
    unitId: spec.unitId ?? null,
    profile: spec.profile ?? 'ADMIN',
    secretaria: spec.secretaria ?? false,
    linkedMemberId: spec.linkedMemberId ?? null,
  });
  return { ...user, password, email };
}
