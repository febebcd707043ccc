import { COMPLAINT_CATEGORIES, ValidationFailed } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { InstitutionSettingsService } from '../catalogues/institution-settings.service';
import { AttendancesService } from './attendances.service';
import type { ComplaintsReportDto, ComplaintsReportQuery } from './dto/attendance.dto';

const CATEGORIES = Object.keys(COMPLAINT_CATEGORIES);

/** A day that exists (2026-02-30 parses in JavaScript, but is no day), from year 1. */
function isCalendarDay(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text && text >= '0001-01-01';
}

/** Consumer complaints per supplier (CNPJ) in a period, days in the institution's time zone. */
@Injectable()
export class ComplaintsReport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendances: AttendancesService,
    private readonly settings: InstitutionSettingsService,
  ) {}

  async run(actor: Actor, query: ComplaintsReportQuery): Promise<ComplaintsReportDto> {
    for (const field of ['from', 'to'] as const) {
      if (!isCalendarDay(query[field])) throw new ValidationFailed([{ field, message: 'dia inexistente' }]);
    }
    if (query.from > query.to) {
      throw new ValidationFailed([{ field: 'to', message: 'período inválido: from deve ser um dia até to' }]);
    }
    const units = this.attendances.readableUnits(actor, query.unitId);
    const { timeZone } = await this.settings.current(this.dataSource.manager);
    const rows = await this.dataSource.query<
      { supplier_cnpj: string; supplier_name: string; total: number; by_category: Record<string, number> }[]
    >(
      `SELECT supplier_cnpj, (array_agg(supplier_name ORDER BY attended_at DESC))[1] AS supplier_name,
              count(*)::int AS total, jsonb_object_agg(complaint_category, n) AS by_category
         FROM (SELECT supplier_cnpj, supplier_name, complaint_category, attended_at,
                      count(*) OVER (PARTITION BY supplier_cnpj, complaint_category)::int AS n
                 FROM attendances
                WHERE kind = 'COMPLAINT' AND unit_id = ANY($1::uuid[])
                  -- The period's bounds as instants, so the (supplier, attended_at) index serves.
                  AND attended_at >= ($3::date::timestamp AT TIME ZONE $2)
                  AND attended_at < (($4::date + 1)::timestamp AT TIME ZONE $2)) c
        GROUP BY supplier_cnpj
        ORDER BY total DESC, supplier_cnpj`,
      [units, timeZone, query.from, query.to],
    );
    return {
      from: query.from,
      to: query.to,
      items: rows.map((r) => ({
        supplierCnpj: r.supplier_cnpj,
        supplierName: r.supplier_name,
        total: r.total,
        byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, r.by_category[c] ?? 0])),
      })),
    };
  }
}

/**
 * The report as a spreadsheet opens it in Brazil: semicolons, a BOM so the accents read
 * right, and a cell never starting with = + - @ (formula injection from a supplier's name).
 */
export function complaintsCsv(report: ComplaintsReportDto): string {
  const cell = (value: string | number) => {
    const text = String(value).replace(/^[=+\-@\t\r]/, "'$&");
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = [
    'CNPJ',
    'Fornecedor',
    'Total',
    ...CATEGORIES.map((c) => COMPLAINT_CATEGORIES[c as keyof typeof COMPLAINT_CATEGORIES]),
  ];
  const lines = report.items.map((i) => [
    i.supplierCnpj,
    i.supplierName,
    i.total,
    ...CATEGORIES.map((c) => i.byCategory[c]),
  ]);
  return `\uFEFF${[header, ...lines].map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
