import { USER_MANAGER_PROFILES } from '@acervo/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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

@ApiTags('distribution')
@Controller('distribution-groups')
export class DistributionGroupsController {
  constructor(private readonly groups: DistributionGroupsService) {}

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
}
