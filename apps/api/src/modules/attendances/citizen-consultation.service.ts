import { timingSafeEqual } from 'node:crypto';
import { canonicalAttendanceProtocol, citizenStatus, NotFound, normalizeCpf } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClientInfo } from '../../common/auth/actor';
import { PublicConsultation } from '../public/public-consultation.service';
import type { CitizenAttendanceDto } from './dto/citizen-attendance.dto';

/** Unknown protocol and wrong CPF alike: the same answer, so a protocol cannot be probed. */
export class AttendanceNotFound extends NotFound {
  constructor() {
    super('Atendimento não encontrado. Confira o protocolo e o CPF.');
  }
}

function sameCpf(given: string, actual: string): boolean {
  const a = Buffer.from(normalizeCpf(given));
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The citizen's consultation (DOMAIN §10): protocol and CPF give the attendance's status,
 * and the process it became only when that process is public (level 0), as the public
 * consultation shows it.
 */
@Injectable()
export class CitizenConsultation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publicConsultation: PublicConsultation,
  ) {}

  async byProtocol(protocol: string, cpf: string, client: ClientInfo | null): Promise<CitizenAttendanceDto> {
    const canonical = canonicalAttendanceProtocol(protocol);
    const [row] = canonical
      ? await this.dataSource.query<
          {
            protocol: string;
            person_cpf: string;
            unit_name: string;
            subject_name: string;
            attended_at: Date;
            outcome: 'CONVERTED' | 'ATTACHED' | null;
            process_number: string | null;
            process_level: number | null;
          }[]
        >(
          `SELECT a.protocol, a.person_cpf, u.name AS unit_name, s.name AS subject_name, a.attended_at, a.outcome,
                  p.number AS process_number, p.secrecy_level AS process_level
             FROM attendances a JOIN units u ON u.id = a.unit_id JOIN subjects s ON s.code = a.subject_code
             LEFT JOIN processes p ON p.id = a.process_id
            WHERE a.protocol = $1`,
          [canonical],
        )
      : [];
    if (!row || !sameCpf(cpf, row.person_cpf)) throw new AttendanceNotFound();
    const process =
      row.process_number && row.process_level === 0
        ? await this.publicConsultation.byNumber(row.process_number, undefined, client)
        : undefined;
    return {
      protocol: row.protocol,
      unit: row.unit_name,
      subject: row.subject_name,
      attendedAt: row.attended_at.toISOString(),
      status: citizenStatus(row.outcome),
      ...(process ? { process } : {}),
    };
  }
}
