import { USER_MANAGER_PROFILES } from '@acervo/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CreateDutyPeriodDto, DutyPeriodDto, DutyPeriodListDto, DutyPeriodsQuery } from './dto/duty-period.dto';
import { DutyPeriodsService } from './duty-periods.service';

@ApiTags('organisation')
@Controller('duty-periods')
export class DutyPeriodsController {
  constructor(private readonly periods: DutyPeriodsService) {}

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Put an ON_DUTY member of the unit on the plantão roster' })
  @ApiCreatedResponse({ type: DutyPeriodDto })
  @ApiConflictResponse({ description: "Overlaps another of the unit's periods" })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDutyPeriodDto): Promise<DutyPeriodDto> {
    return this.periods.create(actor, dto);
  }

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'The plantão roster, by start' })
  @ApiOkResponse({ type: DutyPeriodListDto })
  list(@Query() query: DutyPeriodsQuery): Promise<DutyPeriodListDto> {
    return this.periods.list(query);
  }

  @Authenticated({ profiles: USER_MANAGER_PROFILES })
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.periods.remove(actor, id);
  }
}
