import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { PageQuery } from '../../common/pagination';
import {
  ActivityDto,
  ActivityKindDto,
  ActivityListDto,
  CreateActivityDto,
  ExportRequestDto,
  MonthQuery,
  PreviewQuery,
  RafExportDto,
  RafExportListDto,
  RafPreviewDto,
} from './dto/raf.dto';
import { ExportRaf } from './raf-export.use-case';
import { RafService } from './raf.service';

/** The RAF: a member's, for itself (DOMAIN §8). Everyone else gets 403. */
@ApiTags('raf')
@ApiForbiddenResponse({ description: 'Not a member, or another member’s export' })
@Controller('raf')
export class RafController {
  constructor(
    private readonly raf: RafService,
    private readonly exporter: ExportRaf,
  ) {}

  @Authenticated()
  @Get('activity-kinds')
  @ApiOkResponse({ type: [ActivityKindDto] })
  kinds(): Promise<ActivityKindDto[]> {
    return this.raf.activityKinds();
  }

  @Authenticated()
  @Post('activities')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a non-procedural activity (atividade não procedimental) of the caller' })
  @ApiCreatedResponse({ type: ActivityDto })
  createActivity(@CurrentActor() actor: Actor, @Body() dto: CreateActivityDto): Promise<ActivityDto> {
    return this.raf.createActivity(actor, dto);
  }

  @Authenticated()
  @Get('activities')
  @ApiOkResponse({ type: ActivityListDto })
  activities(@CurrentActor() actor: Actor, @Query() query: MonthQuery): Promise<ActivityListDto> {
    return this.raf.activities(actor, query.month);
  }

  @Authenticated()
  @Delete('activities/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  removeActivity(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.raf.removeActivity(actor, id);
  }

  @Authenticated()
  @Get('preview')
  @ApiOperation({
    summary: 'The month as the file will say it: totals, a page of events (performed or by distribution), activities',
  })
  @ApiOkResponse({ type: RafPreviewDto })
  preview(@CurrentActor() actor: Actor, @Query() query: PreviewQuery): Promise<RafPreviewDto> {
    return this.raf.preview(actor, query);
  }

  @Authenticated()
  @Post('exports')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Export the month as XML valid against docs/raf.xsd; again for the same month is allowed and flagged (reexport)',
  })
  @ApiCreatedResponse({ type: RafExportDto })
  export(@CurrentActor() actor: Actor, @Body() dto: ExportRequestDto): Promise<RafExportDto> {
    return this.exporter.run(actor, dto.month);
  }

  @Authenticated()
  @Get('exports')
  @ApiOkResponse({ type: RafExportListDto })
  exports(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<RafExportListDto> {
    return this.raf.exports(actor, query);
  }

  // Before `exports/:id`: the file itself.
  @Authenticated()
  @Get('exports/:id.xml')
  @ApiOperation({ summary: 'The kept file (application/xml), with its SHA-256 in Repr-Digest' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'The XML file', schema: { type: 'string' } })
  @ApiNotFoundResponse()
  download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    return this.raf.download(actor, id, res);
  }

  @Authenticated()
  @Get('exports/:id')
  @ApiOkResponse({ type: RafExportDto })
  @ApiNotFoundResponse()
  exportOf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RafExportDto> {
    return this.raf.exportOf(actor, id);
  }
}
