import { USER_MANAGER_PROFILES } from '@acervo/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CreateGroupDto, GroupDto, GroupListDto, GroupsQuery, UpdateGroupDto } from './dto/group.dto';
import { GroupsService } from './groups.service';

@ApiTags('organisation')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a user group of a unit the caller manages (institution-wide: ADMIN)' })
  @ApiCreatedResponse({ type: GroupDto })
  @ApiConflictResponse({ description: 'The unit already has a group of that name' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGroupDto): Promise<GroupDto> {
    return this.groups.create(actor, dto);
  }

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'User groups, by name' })
  @ApiOkResponse({ type: GroupListDto })
  list(@Query() query: GroupsQuery): Promise<GroupListDto> {
    return this.groups.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOkResponse({ type: GroupDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<GroupDto> {
    return this.groups.get(id);
  }

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Patch(':id')
  @ApiOperation({ summary: 'Rename a group or replace its members' })
  @ApiOkResponse({ type: GroupDto })
  @ApiConflictResponse({ description: 'Stale version or name taken' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<GroupDto> {
    return this.groups.update(actor, id, dto);
  }
}
