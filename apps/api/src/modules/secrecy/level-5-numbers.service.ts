import { Forbidden } from '@acervo/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { Level5NumbersDto } from './dto/access.dto';

/**
 * DOMAIN §4.1: the MANAGER of a unit sees the numbers of its level-5 processes — so the
 * docket knows they exist — and nothing else of them.
 */
@Injectable()
export class Level5Numbers {
  constructor(private readonly dataSource: DataSource) {}

  async of(actor: Actor, unitId: string): Promise<Level5NumbersDto> {
    if (!actor.assignments.some((a) => a.unitId === unitId && a.profile === 'MANAGER')) {
      throw new Forbidden('Só o gerente do órgão vê a lista de processos de nível 5.');
    }
    const rows = await this.dataSource.query<{ number: string }[]>(
      `SELECT number FROM processes WHERE unit_id = $1 AND secrecy_level = 5 ORDER BY number`,
      [unitId],
    );
    return { numbers: rows.map((r) => r.number) };
  }
}
