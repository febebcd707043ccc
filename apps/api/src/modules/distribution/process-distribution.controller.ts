import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { OperationRoute } from '../processes/operation-route';
import { DistributionOperations } from './distribution-operations.service';
import {
  CancelDistributionDto,
  DistributeDto,
  DistributionTagsDto,
  ImpedimentDto,
  LotteryResultDto,
  ProcessLotteryDto,
} from './dto/distribution.dto';
import { DrawRecords } from './draw-records.service';
import { RunLottery } from './run-lottery.use-case';

/** The distribution operations of one process (API.md: `POST /processes/{id}/{operation}`). */
@ApiTags('distribution')
@Controller('processes')
export class ProcessDistributionController {
  constructor(
    private readonly operations: DistributionOperations,
    private readonly lottery: RunLottery,
    private readonly records: DrawRecords,
  ) {}

  @Authenticated()
  @Get(':id/distribution-tags')
  @ApiOperation({ summary: 'The ${distribuicao.*} template values of the process (its latest distribution)' })
  @ApiOkResponse({ type: DistributionTagsDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  tags(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DistributionTagsDto> {
    return this.records.tags(actor, id);
  }

  @Post(':id/distribute')
  @OperationRoute(
    'Distribuição manual (920005): CHIEF/MANAGER to any member of the unit, ANALYST to its member, a member to itself',
  )
  distribute(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DistributeDto) {
    return this.operations.distribute(actor, id, dto);
  }

  @Authenticated()
  @Post(':id/lottery')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sorteio of this one process in a group (or prevention): a batch of one' })
  @ApiCreatedResponse({ type: LotteryResultDto })
  @ApiForbiddenResponse({ description: "Not CHIEF/MANAGER of the group's unit" })
  @ApiNotFoundResponse({ description: 'Unknown process or group, or a process not visible to the caller' })
  @ApiConflictResponse({ description: 'Stale version, already distributed, nobody to draw' })
  draw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProcessLotteryDto,
  ): Promise<LotteryResultDto> {
    return this.lottery.forProcess(actor, id, dto);
  }

  @Post(':id/impediment')
  @OperationRoute(
    'Impedimento/suspeição (920083): the distributed member, with its signed declaration; back to the distribution centre',
  )
  impediment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ImpedimentDto) {
    return this.operations.impediment(actor, id, dto);
  }

  @Post(':id/cancel-distribution')
  @OperationRoute('Cancelar distribuição (488) with the signed term: it stops counting; distribute again')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelDistributionDto) {
    return this.operations.cancel(actor, id, dto);
  }
}
