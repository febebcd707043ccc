import { isProfile } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from './actor';

/** Loads the actor of an access token in one query, refusing closed sessions and inactive users. */
@Injectable()
export class ActorLoader {
  constructor(private readonly dataSource: DataSource) {}

  async forSession(userId: string, sessionId: string): Promise<Actor | undefined> {
    const rows = await this.dataSource.query<
      {
        username: string;
        unit_id: string | null;
        profile: string | null;
        secretaria: boolean | null;
        linked_member_id: string | null;
      }[]
    >(
      `SELECT u.username, a.unit_id, a.profile, a.secretaria, a.linked_member_id
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN assignments a ON a.user_id = u.id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    if (!rows.length) return undefined;
    return {
      userId,
      sessionId,
      username: rows[0].username,
      assignments: rows
        .filter((r) => isProfile(r.profile))
        .map((r) => ({
          unitId: r.unit_id,
          profile: r.profile as Actor['assignments'][number]['profile'],
          secretaria: !!r.secretaria,
          linkedMemberId: r.linked_member_id,
        })),
    };
  }
}
