import { Forbidden } from '@acervo/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { DirectoryDto, DirectoryQuery } from './dto/directory.dto';

const LIMIT = 20;

/**
 * The institution's staff directory: whom a member can name in a permission or denial
 * (DOMAIN §4.3) — names and units only, no CPF, e-mail or profile. For staff of some unit.
 */
@ApiTags('organisation')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly dataSource: DataSource) {}

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'Users and groups by part of their name, for naming them in a permission' })
  @ApiOkResponse({ type: DirectoryDto })
  async search(@CurrentActor() actor: Actor, @Query() query: DirectoryQuery): Promise<DirectoryDto> {
    if (!actor.assignments.some((a) => a.unitId !== null))
      throw new Forbidden('Só servidores de um órgão consultam o diretório.');
    const pattern = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const [users, groups] = await Promise.all([
      this.dataSource.query<DirectoryDto['users']>(
        `SELECT u.id, u.full_name AS "fullName",
                coalesce(array_agg(DISTINCT un.name) FILTER (WHERE un.name IS NOT NULL), '{}') AS units
           FROM users u
           LEFT JOIN assignments a ON a.user_id = u.id
           LEFT JOIN units un ON un.id = a.unit_id
          WHERE u.active AND lower(u.full_name) LIKE $1
          GROUP BY u.id, u.full_name
          ORDER BY u.full_name, u.id
          LIMIT ${LIMIT}`,
        [pattern],
      ),
      this.dataSource.query<DirectoryDto['groups']>(
        `SELECT g.id, g.name, un.name AS unit
           FROM user_groups g LEFT JOIN units un ON un.id = g.unit_id
          WHERE lower(g.name) LIKE $1
          ORDER BY g.name, g.id
          LIMIT ${LIMIT}`,
        [pattern],
      ),
    ]);
    return { users, groups };
  }
}
