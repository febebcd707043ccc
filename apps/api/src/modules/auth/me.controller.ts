import { capabilitiesOf, mayRegisterIn, SECRECY_CAP } from '@acervo/domain';
import { UserEntity } from '@acervo/persistence';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { MeResponse } from './dto/me.dto';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly dataSource: DataSource) {}

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'The signed-in user, its assignments and what they allow' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      email: user.email,
      assignments: actor.assignments.map((a) => ({
        ...a,
        secrecyCap: SECRECY_CAP[a.profile],
        mayRegister: a.unitId !== null && mayRegisterIn(actor, a.unitId),
      })),
      profiles: [...new Set(actor.assignments.map((a) => a.profile))],
      capabilities: capabilitiesOf(actor.assignments.map((a) => a.profile)),
    };
  }
}
