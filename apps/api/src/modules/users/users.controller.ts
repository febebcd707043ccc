import { USER_MANAGER_PROFILES, USER_READER_PROFILES } from '@acervo/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CreateUserDto, UpdateUserDto, UserDto, UserListDto, UsersQuery } from './dto/user.dto';
import { OrganisationAccess } from './organisation-access';
import { UserReader } from './user-reader';
import { UsersService } from './users.service';

@ApiTags('organisation')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly reader: UserReader,
    private readonly access: OrganisationAccess,
  ) {}

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a user with its assignments; the user is mailed a link to set a first password',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Username (in any case) or CPF taken' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Authenticated({ profiles: USER_READER_PROFILES })
  @Get()
  @ApiOperation({ summary: "Users of the caller's units (all, for ADMIN), by username" })
  @ApiOkResponse({ type: UserListDto })
  list(@CurrentActor() actor: Actor, @Query() query: UsersQuery): Promise<UserListDto> {
    return this.reader.list(this.access.readScope(actor), query);
  }

  @Authenticated({ profiles: USER_READER_PROFILES })
  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    const user = await this.reader.byId(id);
    this.access.assertReadable(actor, user.assignments);
    return user;
  }

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Patch(':id')
  @ApiOperation({ summary: 'Edit personal data, the active flag, or the assignments in the units the caller manages' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version, or a change that would orphan linked staff' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }
}
