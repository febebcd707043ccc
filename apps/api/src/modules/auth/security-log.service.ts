import { type SecurityEventKind, SecurityEventEntity } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { type EntityManager, DataSource } from 'typeorm';
import type { ClientInfo } from '../../common/auth/actor';

/** Writes the security log (DOMAIN §2.10), inside the caller's transaction when given one. */
@Injectable()
export class SecurityLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    kind: SecurityEventKind,
    userId: string | null,
    client: ClientInfo,
    details: Record<string, unknown> = {},
    tx: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const event = tx
      .getRepository(SecurityEventEntity)
      .create({ kind, userId, ip: client.ip, userAgent: client.userAgent, details });
    await tx.getRepository(SecurityEventEntity).save(event);
  }
}
