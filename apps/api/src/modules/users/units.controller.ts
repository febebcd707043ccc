import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { PageQuery } from '../../common/pagination';
import { CreateUnitDto, UnitDto, UnitListDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('organisation')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Authenticated({ profiles: ['ADMIN'] })
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a unit (órgão)' })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiConflictResponse({ description: 'The code is taken' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(actor, dto);
  }

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'Units, by code' })
  @ApiOkResponse({ type: UnitListDto })
  list(@Query() query: PageQuery): Promise<UnitListDto> {
    return this.units.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOkResponse({ type: UnitDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UnitDto> {
    return this.units.get(id);
  }

  @Authenticated({ profiles: ['ADMIN'] })
  @Patch(':id')
  @ApiOperation({ summary: 'Rename or re-place a unit; its code never changes' })
  @ApiOkResponse({ type: UnitDto })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitDto> {
    return this.units.update(actor, id, dto);
  }
}
