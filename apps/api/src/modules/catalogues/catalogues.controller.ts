import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
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
import { CreateHolidayDto, HolidayDto, HolidayListDto, HolidaysQuery } from './dto/holiday.dto';
import { InstitutionSettingsDto, UpdateInstitutionSettingsDto } from './dto/institution-settings.dto';
import { LegalDeadlineTableDto, ReplaceLegalDeadlinesDto } from './dto/legal-deadline.dto';
import { HolidaysService } from './holidays.service';
import { InstitutionSettingsService } from './institution-settings.service';
import { LegalDeadlinesService } from './legal-deadlines.service';

/** Legal deadlines, holidays and the institution settings: read by all, changed by ADMIN. */
@ApiTags('catalogues')
@Controller()
export class CataloguesController {
  constructor(
    private readonly deadlines: LegalDeadlinesService,
    private readonly holidays: HolidaysService,
    private readonly settings: InstitutionSettingsService,
  ) {}

  @Authenticated()
  @Get('legal-deadlines')
  @ApiOperation({ summary: "The classes' legal deadlines (DOMAIN §6)" })
  @ApiOkResponse({ type: LegalDeadlineTableDto })
  legalDeadlines() {
    return this.deadlines.table();
  }

  @Authenticated({ profiles: ['ADMIN'] })
  @Put('legal-deadlines')
  @ApiOperation({ summary: 'Replace the whole legal-deadline table; classes left out have none' })
  @ApiOkResponse({ type: LegalDeadlineTableDto })
  @ApiConflictResponse({ description: 'The table changed since the version sent was read' })
  replaceLegalDeadlines(@CurrentActor() actor: Actor, @Body() dto: ReplaceLegalDeadlinesDto) {
    return this.deadlines.replace(actor, dto);
  }

  @Authenticated()
  @Get('holidays')
  @ApiOkResponse({ type: HolidayListDto })
  listHolidays(@Query() query: HolidaysQuery): Promise<HolidayListDto> {
    return this.holidays.list(query);
  }

  @Authenticated({ profiles: ['ADMIN'] })
  @Post('holidays')
  @HttpCode(201)
  @ApiCreatedResponse({ type: HolidayDto })
  @ApiConflictResponse({ description: 'A holiday on that date for that place exists' })
  createHoliday(@CurrentActor() actor: Actor, @Body() dto: CreateHolidayDto): Promise<HolidayDto> {
    return this.holidays.create(actor, dto);
  }

  @Authenticated({ profiles: ['ADMIN'] })
  @Delete('holidays/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeHoliday(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.holidays.remove(actor, id);
  }

  @Authenticated()
  @Get('institution-settings')
  @ApiOkResponse({ type: InstitutionSettingsDto })
  institutionSettings(): Promise<InstitutionSettingsDto> {
    return this.settings.current();
  }

  @Authenticated({ profiles: ['ADMIN'] })
  @Patch('institution-settings')
  @ApiOkResponse({ type: InstitutionSettingsDto })
  @ApiConflictResponse({ description: 'Stale version' })
  updateInstitutionSettings(
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateInstitutionSettingsDto,
  ): Promise<InstitutionSettingsDto> {
    return this.settings.update(actor, dto);
  }
}
