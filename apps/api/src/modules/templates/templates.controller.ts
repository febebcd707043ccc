import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import {
  CreateTemplateDto,
  FromTemplateDto,
  FromTemplateResultDto,
  PreviewTemplateDto,
  RenderedDto,
  TemplateDto,
  TemplateListDto,
  UpdateTemplateDto,
} from './dto/template.dto';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@Controller()
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Authenticated()
  @Get('templates')
  @ApiOperation({ summary: "The institution's templates and those of the caller's units" })
  @ApiOkResponse({ type: TemplateListDto })
  list(@CurrentActor() actor: Actor): Promise<TemplateListDto> {
    return this.templates.list(actor);
  }

  @Authenticated()
  @Post('templates')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "A template: ADMIN the institution's (no unitId), members their unit's; an unknown or malformed tag → 400 naming it and its position",
  })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'The name is taken' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTemplateDto): Promise<TemplateDto> {
    return this.templates.create(actor, dto);
  }

  @Authenticated()
  @Post('templates/preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Render a body, saved or not, against a process whose content the caller sees; only the access log is written',
  })
  @ApiOkResponse({ type: RenderedDto })
  @ApiNotFoundResponse()
  preview(
    @CurrentActor() actor: Actor,
    @Body() dto: PreviewTemplateDto,
    @Client() client: ClientInfo,
  ): Promise<RenderedDto> {
    return this.templates.preview(actor, dto, client);
  }

  @Authenticated()
  @Get('templates/:id')
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TemplateDto> {
    return this.templates.get(actor, id);
  }

  @Authenticated()
  @Put('templates/:id')
  @ApiOperation({ summary: 'A new version (the version read is checked); documents made keep theirs' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiConflictResponse({ description: 'Stale version, or the name is taken' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTemplateDto,
  ): Promise<TemplateDto> {
    return this.templates.update(actor, id, dto);
  }

  @Authenticated()
  @Post('processes/:id/documents/from-template')
  @HttpCode(201)
  @ApiOperation({ summary: 'A draft (minuta) in the process rendered from the template, by whoever may draft there' })
  @ApiCreatedResponse({ type: FromTemplateResultDto })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  fromTemplate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: FromTemplateDto,
    @Client() client: ClientInfo,
  ): Promise<FromTemplateResultDto> {
    return this.templates.draft(actor, id, dto.templateId, client);
  }
}
