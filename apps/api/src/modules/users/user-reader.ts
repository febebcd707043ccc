import { NotFound, type UnitScope } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, toPage } from '../../common/pagination';
import type { AssignmentDto, UserDto, UserListDto, UsersQuery } from './dto/user.dto';
import { USER_NOT_FOUND } from './organisation-access';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  cpf: string | null;
  email: string;
  registration_number: string | null;
  active: boolean;
  totp_enabled_at: Date | null;
  version: number;
}

const USER_COLUMNS = `u.id, u.username, u.full_name, u.cpf, u.email, u.registration_number, u.active,
  u.totp_enabled_at, u.version`;

/** Reads users with their assignments; the unit scope is part of the SQL, never a filter afterwards. */
@Injectable()
export class UserReader {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string, options: { lock?: boolean; db?: EntityManager } = {}): Promise<UserDto> {
    const db = options.db ?? this.dataSource.manager;
    const [row] = await db.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new NotFound(USER_NOT_FOUND);
    const [user] = await this.withAssignments(db, [row]);
    return user;
  }

  /** Users with an assignment in the scope's units, by username (case-insensitive), keyset-paged. */
  async list(scope: UnitScope, query: UsersQuery): Promise<UserListDto> {
    const params: unknown[] = [query.limit + 1];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const assigned = (condition: string) =>
      where.push(`EXISTS (SELECT 1 FROM assignments a WHERE a.user_id = u.id AND ${condition})`);
    if (!scope.all) assigned(`a.unit_id = ANY(${bind([...scope.units])}::uuid[])`);
    // Unit and profile name one assignment: a member elsewhere and an assistant here is no member here.
    const held = [
      ...(query.unitId ? [`a.unit_id = ${bind(query.unitId)}`] : []),
      ...(query.profile ? [`a.profile = ${bind(query.profile)}`] : []),
    ];
    if (held.length) assigned(held.join(' AND '));
    if (query.q) {
      const pattern = bind(`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(u.username) LIKE ${pattern} OR lower(u.full_name) LIKE ${pattern})`);
    }
    const after = decodeCursor(query.cursor);
    if (after) where.push(`(lower(u.username), u.id) > (${bind(after.key)}, ${bind(after.id)}::uuid)`);
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(u.username), u.id
        LIMIT $1`,
      params,
    );
    const items = await this.withAssignments(this.dataSource.manager, rows);
    return toPage(items, query.limit, (u) => u.username.toLowerCase());
  }

  private async withAssignments(db: EntityManager, rows: UserRow[]): Promise<UserDto[]> {
    if (!rows.length) return [];
    const assignments = await db.query<(AssignmentDto & { userId: string })[]>(
      `SELECT a.user_id AS "userId", a.unit_id AS "unitId", un.code AS "unitCode", a.profile, a.secretaria,
              a.linked_member_id AS "linkedMemberId"
         FROM assignments a LEFT JOIN units un ON un.id = a.unit_id
        WHERE a.user_id = ANY($1::uuid[])
        ORDER BY un.code NULLS FIRST, a.profile`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      cpf: r.cpf,
      email: r.email,
      registrationNumber: r.registration_number,
      active: r.active,
      totpEnabled: r.totp_enabled_at !== null,
      version: r.version,
      assignments: assignments.filter((a) => a.userId === r.id).map(({ userId: _, ...a }) => a),
    }));
  }
}
