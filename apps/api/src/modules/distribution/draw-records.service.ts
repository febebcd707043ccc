import {
  type Clock,
  distributionTags,
  type DrawCandidate,
  Forbidden,
  NotFound,
  mayReadDistributionReport,
  ValidationFailed,
  verifyDraw,
} from '@acervo/domain';
import { distributionRecordSelect, fullContentSql } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import { decodeTimeCursor, toPage } from '../../common/pagination';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { ProcessReader } from '../processes/process-reader';
import type {
  DistributionPageDto,
  DistributionRecordDto,
  DistributionReportDto,
  DistributionReportQuery,
  DistributionTagsDto,
  DrawPageDto,
  DrawRecordDto,
  DrawVerificationDto,
  PeriodQuery,
} from './dto/distribution.dto';
import { latestDistributionRecord } from './distribution-store';
import { GROUP_NOT_FOUND } from './run-lottery.use-case';

const DRAW_NOT_FOUND = 'Sorteio não encontrado.';

/** Queries bind the viewer as `$1` and the application's "now" as `$2`. */
const VIEWER = { user: '$1', now: '$2' };

/**
 * Records of processes the viewer may see, and only those (DOMAIN §3.1, §4.4: not listed,
 * not counted, not hinted at): the Corregedoria re-checks what its profile reaches, the
 * responsible member of a level-5 process its own.
 */
const VISIBLE = fullContentSql('p', VIEWER);

const DRAW_SELECT = `
  SELECT d.id, d.batch_id AS "batchId", d.group_id AS "groupId", d.position, d.process_id AS "processId",
         p.number AS "processNumber", d.prevention, d.related_process_id AS "relatedProcessId", d.candidates, d.excluded, d.tied,
         d.random_value AS "randomValue", d.attempt, d.member_id AS "memberId", u.full_name AS "memberName",
         b.run_by AS "runBy", d.drawn_at AS "drawnAt", b.algorithm, b.commitment, b.committed_at AS "committedAt",
         b.seed
    FROM distribution_draws d
    JOIN distribution_batches b ON b.id = d.batch_id
    JOIN processes p ON p.id = d.process_id
    JOIN users u ON u.id = d.member_id`;

type DrawRow = Omit<DrawRecordDto, 'drawnAt' | 'committedAt'> & { drawnAt: Date; committedAt: Date };

/**
 * What distribution leaves behind, for anyone to read and re-check (DOMAIN §5): the draw
 * records with their verification, the history of a group's distributions and the counts
 * per member. Process numbers follow secrecy; the draws themselves do not hide.
 */
@Injectable()
export class DrawRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: InstitutionSettingsService,
    private readonly reader: ProcessReader,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async draws(viewer: Actor, groupId: string, query: PeriodQuery): Promise<DrawPageDto> {
    await this.assertGroup(groupId);
    const params: unknown[] = [viewer.userId, this.clock.now(), groupId, query.limit + 1];
    const where = await this.period('d.drawn_at', query, params);
    const after = decodeTimeCursor(query.cursor, 2);
    const keyset = after
      ? `AND (d.drawn_at, d.position, d.id) > ($${params.push(after.key[0])}::timestamptz, $${params.push(Number(after.key[1]))}::int, $${params.push(after.id)}::uuid)`
      : '';
    const rows = await this.dataSource.query<DrawRow[]>(
      `${DRAW_SELECT} WHERE d.group_id = $3 AND ${VISIBLE} ${where} ${keyset}
        ORDER BY d.drawn_at, d.position, d.id LIMIT $4`,
      params,
    );
    return toPage(rows.map(toDraw), query.limit, (d) => `${d.drawnAt}|${d.position}`);
  }

  async draw(viewer: Actor, groupId: string, drawId: string): Promise<DrawRecordDto> {
    const [row] = await this.dataSource.query<DrawRow[]>(
      `${DRAW_SELECT} WHERE d.group_id = $3 AND d.id = $4 AND ${VISIBLE}`,
      [viewer.userId, this.clock.now(), groupId, drawId],
    );
    if (!row) throw new NotFound(DRAW_NOT_FOUND);
    return toDraw(row);
  }

  /** Re-runs the draw from its stored candidates and counts and the batch's revealed seed. */
  async verify(viewer: Actor, groupId: string, drawId: string): Promise<DrawVerificationDto> {
    const draw = await this.draw(viewer, groupId, drawId);
    const [distribution] = await this.dataSource.query<{ member_id: string }[]>(
      `SELECT member_id FROM distributions WHERE draw_id = $1`,
      [drawId],
    );
    const candidates: DrawCandidate[] = draw.candidates.map((c) => ({
      memberId: c.memberId,
      weight: c.weight,
      received: c.received,
    }));
    const checks = verifyDraw(
      { ...draw, candidates },
      draw.seed ? Buffer.from(draw.seed, 'hex') : null,
      draw.commitment,
    );
    const distributionMatches = distribution?.member_id === draw.memberId;
    return { drawId, ...checks, distributionMatches, verified: checks.verified && distributionMatches };
  }

  /** The group's distributions (lottery and prevention) started in the period, oldest first. */
  async history(viewer: Actor, groupId: string, query: PeriodQuery): Promise<DistributionPageDto> {
    await this.assertGroup(groupId);
    const params: unknown[] = [viewer.userId, this.clock.now(), groupId, query.limit + 1];
    const where = await this.period('d.started_at', query, params);
    const after = decodeTimeCursor(query.cursor, 1);
    const keyset = after
      ? `AND (d.started_at, d.id) > ($${params.push(after.key[0])}::timestamptz, $${params.push(after.id)}::uuid)`
      : '';
    const rows = await this.dataSource.query<(DistributionRecordDto & { startedAt: Date })[]>(
      `${distributionRecordSelect('p.number', ', d.started_at AS "startedAt"')}
        WHERE d.group_id = $3 AND ${VISIBLE} ${where} ${keyset}
        ORDER BY d.started_at, d.id LIMIT $4`,
      params,
    );
    const page = toPage(rows, query.limit, (d) => d.startedAt.toISOString());
    return { ...page, items: page.items.map(({ startedAt: _, ...d }) => d) };
  }

  /**
   * Counts per member in the period — of the distributions whose processes the viewer sees —
   * and each one's compensation counter now. For who runs or oversees the group: CHIEF and
   * MANAGER of its unit, INSPECTOR (the Corregedoria).
   */
  async report(viewer: Actor, groupId: string, query: DistributionReportQuery): Promise<DistributionReportDto> {
    const [group] = await this.dataSource.query<{ unit_id: string }[]>(
      `SELECT unit_id FROM distribution_groups WHERE id = $1`,
      [groupId],
    );
    if (!group) throw new NotFound(GROUP_NOT_FOUND);
    if (!mayReadDistributionReport(viewer, group.unit_id)) {
      throw new Forbidden('O relatório do grupo é da chefia, da gerência e da Corregedoria do órgão.');
    }
    const params: unknown[] = [viewer.userId, this.clock.now(), groupId];
    const inPeriod = await this.period('d.started_at', query, params);
    const members = await this.dataSource.query<DistributionReportDto['members']>(
      `SELECT m.user_id AS "memberId", u.full_name AS "memberName", m.weight::float AS weight,
              coalesce(c.received, 0)::int AS received, coalesce(c.prevention, 0)::int AS prevention,
              coalesce(c.cancelled, 0)::int AS cancelled, coalesce(c.impeded, 0)::int AS impeded,
              m.received AS counting
         FROM distribution_group_members m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN (SELECT d.member_id, count(*) AS received,
                           count(*) FILTER (WHERE d.kind = 'PREVENTION') AS prevention,
                           count(*) FILTER (WHERE d.cancelled_at IS NOT NULL) AS cancelled,
                           count(*) FILTER (WHERE d.end_reason = 'IMPEDIMENT') AS impeded
                      FROM distributions d JOIN processes p ON p.id = d.process_id
                     WHERE d.group_id = $3 AND ${VISIBLE} ${inPeriod} GROUP BY d.member_id) c
           ON c.member_id = m.user_id
        WHERE m.group_id = $3 ORDER BY lower(u.full_name), m.user_id`,
      params,
    );
    return { groupId, from: query.from ?? null, to: query.to ?? null, members };
  }

  /** The `${distribuicao.*}` values of a process: its latest distribution not cancelled. */
  async tags(viewer: Actor, processId: string): Promise<DistributionTagsDto> {
    await this.reader.assertFull(viewer, processId);
    return { tags: distributionTags(await latestDistributionRecord(this.dataSource.manager, processId)) };
  }

  private async assertGroup(groupId: string): Promise<void> {
    if (!(await this.dataSource.query(`SELECT 1 FROM distribution_groups WHERE id = $1`, [groupId])).length) {
      throw new NotFound(GROUP_NOT_FOUND);
    }
  }

  /** `AND` conditions for a period of days in the institution's zone, binding into `params`. */
  private async period(column: string, query: DistributionReportQuery, params: unknown[]): Promise<string> {
    if (query.from && query.to && query.from > query.to) {
      throw new ValidationFailed([{ field: 'to', message: 'o fim do período vem antes do início' }]);
    }
    if (!query.from && !query.to) return '';
    const zone = (await this.settings.current()).timeZone;
    const tz = `$${params.push(zone)}`;
    return [
      query.from ? `AND ${column} >= ($${params.push(query.from)}::date)::timestamp AT TIME ZONE ${tz}` : '',
      query.to ? `AND ${column} < ($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE ${tz}` : '',
    ].join(' ');
  }
}

function toDraw(row: DrawRow): DrawRecordDto {
  return { ...row, drawnAt: row.drawnAt.toISOString(), committedAt: row.committedAt.toISOString() };
}
