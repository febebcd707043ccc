import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { BoxesService } from './boxes.service';
import { type Box, BOXES, BoxCountDto, BoxPageDto, BoxQuery } from './dto/box.dto';

@ApiTags('processes')
@Controller('boxes')
export class BoxesController {
  constructor(private readonly boxes: BoxesService) {}

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'How many processes each box holds for the caller (the sidebar)' })
  @ApiOkResponse({ type: [BoxCountDto] })
  counts(@CurrentActor() actor: Actor): Promise<BoxCountDto[]> {
    return this.boxes.counts(actor);
  }

  @Authenticated()
  @Get(':box')
  @ApiOperation({ summary: 'A box page: priority first then oldest (or by date); Saída newest first' })
  @ApiParam({ name: 'box', enum: BOXES })
  @ApiOkResponse({ type: BoxPageDto })
  page(
    @CurrentActor() actor: Actor,
    @Param('box', new ParseEnumPipe(Object.fromEntries(BOXES.map((b) => [b, b])))) box: Box,
    @Query() query: BoxQuery,
  ): Promise<BoxPageDto> {
    return this.boxes.page(actor, box, query);
  }
}
