import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage } from '../../common/pagination';
import type { AccessLogItem, AccessLogPage, AccessLogQuery } from './dto/access-log.dto';
import type { AuditRecordItem, AuditRecordPage, AuditRecordsQuery } from './dto/audit-records.dto';
import type { SecurityEventItem, SecurityEventPage, SecurityEventsQuery } from './dto/security-events.dto';

/** Profiles that read the security and access logs, each for its own units. */
const READERS = ['CHIEF', 'INSPECTOR'];

function readerUnits(viewer: Actor): string[] {
  return viewer.assignments.filter((a) => READERS.includes(a.profile) && a.unitId).map((a) => a.unitId!);
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Security events of users who work in a unit where the viewer is CHIEF or INSPECTOR,
   * newest first. The scope is part of the query, so pages and cursors never leak.
   */
  async securityEvents(viewer: Actor, query: SecurityEventsQuery): Promise<SecurityEventPage> {
    const after = decodeCursor(query.cursor);
    const params: unknown[] = [readerUnits(viewer), query.limit + 1];
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

  /**
   * The access log of the processes that were in one of the viewer's units (as CHIEF or
   * INSPECTOR) when they were read, newest first; scoped inside the query like the
   * security log.
   */
  async accessLog(viewer: Actor, query: AccessLogQuery): Promise<AccessLogPage> {
    const after = decodeCursor(query.cursor);
    const params: unknown[] = [readerUnits(viewer), query.limit + 1];
    const where = [`l.unit_id = ANY($1::uuid[])`];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (query.processId) where.push(`l.process_id = ${bind(query.processId)}`);
    if (query.userId) where.push(`l.user_id = ${bind(query.userId)}`);
    if (query.from) where.push(`l.at >= ${bind(query.from)}`);
    if (query.to) where.push(`l.at < ${bind(query.to)}`);
    if (after) where.push(`(l.at, l.id) < (${bind(after.key)}::timestamptz, ${bind(after.id)}::uuid)`);
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        at: Date;
        user_id: string | null;
        username: string | null;
        process_id: string;
        number: string;
        document_id: string | null;
        how: string;
        secrecy_level: number;
        unit_id: string;
        own_unit: boolean;
        ip: string | null;
      }>
    >(
      `SELECT l.id, l.at, l.user_id, u.username, l.process_id, p.number, l.document_id, l.how, l.secrecy_level,
              l.unit_id, l.own_unit, l.ip
         FROM access_log l JOIN processes p ON p.id = l.process_id LEFT JOIN users u ON u.id = l.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY l.at DESC, l.id DESC
        LIMIT $2`,
      params,
    );
    const items: AccessLogItem[] = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.user_id,
      username: r.username,
      processId: r.process_id,
      number: r.number,
      documentId: r.document_id,
      how: r.how,
      secrecyLevel: r.secrecy_level,
      unitId: r.unit_id,
      ownUnit: r.own_unit,
      ip: r.ip,
    }));
    return toPage(items, query.limit, (i) => i.at);
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
