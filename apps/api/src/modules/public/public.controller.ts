import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client, type ClientInfo } from '../../common/auth/actor';
import { Public } from '../../common/auth/authenticated.decorator';
import { PublicConsultation } from './public-consultation.service';
import { PublicProcessDto, PublicProcessQuery } from './public-process.dto';

@ApiTags('public')
@Controller('public')
@UseGuards(ThrottlerGuard)
export class PublicController {
  constructor(private readonly consultation: PublicConsultation) {}

  @Public()
  @Get('processes/:number')
  @ApiOperation({
    summary:
      'Consulta pública, without signing in: level 0 cover, events and decisory documents; level 1 with the key; rate-limited',
  })
  @ApiOkResponse({ type: PublicProcessDto })
  @ApiForbiddenResponse({ description: '"Processo sigiloso" (levels 2–4; level 1 without the right key)' })
  @ApiNotFoundResponse({ description: '"Processo não encontrado": unknown numbers and level 5 alike' })
  process(
    @Param('number') number: string,
    @Query() query: PublicProcessQuery,
    @Client() client: ClientInfo,
  ): Promise<PublicProcessDto> {
    return this.consultation.byNumber(number, query.key, client);
  }
}
