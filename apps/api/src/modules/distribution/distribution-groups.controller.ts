import { USER_MANAGER_PROFILES } from '@acervo/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import { DistributionGroupsService } from './distribution-groups.service';
import {
  CreateDistributionGroupDto,
  DistributionGroupDto,
  DistributionGroupListDto,
  DistributionGroupsQuery,
  DistributionMemberInput,
} from './dto/distribution-group.dto';
import {
  DistributionPageDto,
  DistributionReportDto,
  DistributionReportQuery,
  DrawPageDto,
  DrawRecordDto,
  DrawVerificationDto,
  LotteryDto,
  LotteryResultDto,
  PeriodQuery,
} from './dto/distribution.dto';
import { DrawRecords } from './draw-records.service';
import { RunLottery } from './run-lottery.use-case';

@ApiTags('distribution')
@Controller('distribution-groups')
export class DistributionGroupsController {
  constructor(
    private readonly groups: DistributionGroupsService,
    private readonly lottery: RunLottery,
    private readonly records: DrawRecords,
  ) {}

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a distribution group of a unit the caller manages' })
  @ApiCreatedResponse({ type: DistributionGroupDto })
  @ApiConflictResponse({ description: 'The unit already has a group of that name' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDistributionGroupDto): Promise<DistributionGroupDto> {
    return this.groups.create(actor, dto);
  }

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Post(':id/members')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a member, or change its weight and designation dates (endsOn: away from then on)' })
  @ApiOkResponse({ type: DistributionGroupDto })
  putMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DistributionMemberInput,
  ): Promise<DistributionGroupDto> {
    return this.groups.putMember(actor, id, dto);
  }

  @Authenticated()
  @Get()
  @ApiOkResponse({ type: DistributionGroupListDto })
  list(@Query() query: DistributionGroupsQuery): Promise<DistributionGroupListDto> {
    return this.groups.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOkResponse({ type: DistributionGroupDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DistributionGroupDto> {
    return this.groups.get(id);
  }

  @Authenticated()
  @Post(':id/lottery')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Sorteio of a batch of processes of the group's unit: seed committed first, drawn in order with compensation, seed revealed",
  })
  @ApiCreatedResponse({ type: LotteryResultDto })
  @ApiForbiddenResponse({ description: "Not CHIEF/MANAGER of the group's unit" })
  @ApiConflictResponse({ description: 'Already distributed, not where a lottery may take it, nobody to draw' })
  runLottery(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LotteryDto,
  ): Promise<LotteryResultDto> {
    return this.lottery.forGroup(actor, id, dto);
  }

  @Authenticated()
  @Get(':id/draws')
  @ApiOperation({
    summary:
      'The draw records of the group (of processes the caller sees), oldest first: candidates, counts, random value, result',
  })
  @ApiOkResponse({ type: DrawPageDto })
  draws(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PeriodQuery,
  ): Promise<DrawPageDto> {
    return this.records.draws(actor, id, query);
  }

  @Authenticated()
  @Get(':id/draws/:drawId')
  @ApiOkResponse({ type: DrawRecordDto })
  @ApiNotFoundResponse()
  draw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('drawId', ParseUUIDPipe) drawId: string,
  ): Promise<DrawRecordDto> {
    return this.records.draw(actor, id, drawId);
  }

  @Authenticated()
  @Get(':id/draws/:drawId/verify')
  @ApiOperation({
    summary: 'Re-runs the draw from its stored data and the revealed seed (offline: docs/distribution.md)',
  })
  @ApiOkResponse({ type: DrawVerificationDto })
  @ApiNotFoundResponse()
  verify(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('drawId', ParseUUIDPipe) drawId: string,
  ): Promise<DrawVerificationDto> {
    return this.records.verify(actor, id, drawId);
  }

  @Authenticated()
  @Get(':id/distributions')
  @ApiOperation({
    summary: "History of the group's distributions in a period (Relatórios › Distribuição de Processos)",
  })
  @ApiOkResponse({ type: DistributionPageDto })
  history(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PeriodQuery,
  ): Promise<DistributionPageDto> {
    return this.records.history(actor, id, query);
  }

  @Authenticated()
  @Get(':id/report')
  @ApiOperation({
    summary:
      'Counts per member in a period (of processes the caller sees), and the compensation counters now: CHIEF, MANAGER, INSPECTOR of the unit',
  })
  @ApiForbiddenResponse()
  @ApiOkResponse({ type: DistributionReportDto })
  report(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DistributionReportQuery,
  ): Promise<DistributionReportDto> {
    return this.records.report(actor, id, query);
  }
}
