import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage } from '../../common/pagination';
import type { AuditRecordItem, AuditRecordPage, AuditRecordsQuery } from './dto/audit-records.dto';
import type { SecurityEventItem, SecurityEventPage, SecurityEventsQuery } from './dto/security-events.dto';

/** Profiles that read the security log, each for the users of its own units. */
const READERS = ['CHIEF', 'INSPECTOR'];

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Security events of users who work in a unit where the viewer is CHIEF or INSPECTOR,
   * newest first. The scope is part of the query, so pages and cursors never leak.
   */
  async securityEvents(viewer: Actor, query: SecurityEventsQuery): Promise<SecurityEventPage> {
    const units = viewer.assignments.filter((a) => READERS.includes(a.profile) && a.unitId).map((a) => a.unitId!);
    const after = decodeCursor(query.cursor);
    const params: unknown[] = [units, query.limit + 1];
    const where = [`EXISTS (SELECT 1 FROM assignments a WHERE a.user_id = e.user_id AND a.unit_id = ANY($1::uuid[]))`];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (query.userId) where.push(`e.user_id = ${bind(query.userId)}`);
    if (query.from) where.push(`e.created_at >= ${bind(query.from)}`);
    if (query.to) where.push(`e.created_at < ${bind(query.to)}`);
    if (after) where.push(`(e.created_at, e.id) < (${bind(after.key)}::timestamptz, ${bind(after.id)}::uuid)`);
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        kind: string;
        user_id: string | null;
        username: string | null;
        ip: string | null;
        user_agent: string | null;
        details: Record<string, unknown>;
        created_at: Date;
      }>
    >(
      `SELECT e.id, e.kind, e.user_id, u.username, e.ip, e.user_agent, e.details, e.created_at
         FROM security_events e LEFT JOIN users u ON u.id = e.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT $2`,
      params,
    );
    const items: SecurityEventItem[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      userId: r.user_id,
      username: r.username,
      ip: r.ip,
      userAgent: r.user_agent,
      details: r.details,
      createdAt: r.created_at.toISOString(),
    }));
    return toPage(items, query.limit, (i) => i.createdAt);
  }

  /** Changes to organisation and catalogue data, newest first (ADMIN and the Corregedoria). */
  async records(query: AuditRecordsQuery): Promise<AuditRecordPage> {
    const after = decodeCursor(query.cursor);
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (query.entityType) where.push(`r.entity_type = ${bind(query.entityType)}`);
    if (query.entityId) where.push(`r.entity_id = ${bind(query.entityId)}`);
    if (query.actorId) where.push(`r.actor_id = ${bind(query.actorId)}`);
    if (query.from) where.push(`r.created_at >= ${bind(query.from)}`);
    if (query.to) where.push(`r.created_at < ${bind(query.to)}`);
    if (after) where.push(`(r.created_at, r.id) < (${bind(after.key)}::timestamptz, ${bind(after.id)}::uuid)`);
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        action: string;
        entity_type: string;
        entity_id: string;
        actor_id: string | null;
        username: string | null;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
        created_at: Date;
      }>
    >(
      `SELECT r.id, r.action, r.entity_type, r.entity_id, r.actor_id, u.username, r.before, r.after, r.created_at
         FROM audit_records r LEFT JOIN users u ON u.id = r.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $1`,
      params,
    );
    const items: AuditRecordItem[] = rows.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorId: r.actor_id,
      actorUsername: r.username,
      before: r.before,
      after: r.after,
      createdAt: r.created_at.toISOString(),
    }));
    return toPage(items, query.limit, (i) => i.createdAt);
  }
}
