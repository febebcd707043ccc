import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { AccessExplainer } from './access-explainer.service';
import { AccessExplanationDto, Level5NumbersDto } from './dto/access.dto';
import {
  CreatedDocumentPermissionsDto,
  CreatedPermissionDto,
  CreateDocumentPermissionsDto,
  CreatePermissionDto,
  PermissionListDto,
} from './dto/permissions.dto';
import { Level5Numbers } from './level-5-numbers.service';
import { PermissionsService } from './permissions.service';

@ApiTags('secrecy')
@Controller()
export class SecrecyController {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly explainer: AccessExplainer,
    private readonly level5: Level5Numbers,
  ) {}

  @Authenticated()
  @Post('processes/:id/permissions')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Explicit permission or denial on a process (its events, documents, parties): members of its unit; on level 5 the responsible member',
  })
  @ApiCreatedResponse({ type: CreatedPermissionDto })
  @ApiForbiddenResponse({ description: 'Not a member of the unit (level 5: not the responsible member)' })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreatePermissionDto,
  ): Promise<CreatedPermissionDto> {
    return this.permissions.grantOnProcess(actor, id, dto);
  }

  @Authenticated()
  @Post('documents/permissions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Permission or denial on documents of one level (bulk), at that level' })
  @ApiCreatedResponse({ type: CreatedDocumentPermissionsDto })
  grantOnDocuments(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateDocumentPermissionsDto,
  ): Promise<CreatedDocumentPermissionsDto> {
    return this.permissions.grantOnDocuments(actor, dto);
  }

  @Authenticated()
  @Get('processes/:id/permissions')
  @ApiOperation({
    summary: 'The authorisation list: rules on the process and its documents (members of its unit, Corregedoria)',
  })
  @ApiOkResponse({ type: PermissionListDto })
  async list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PermissionListDto> {
    await this.explainer.audienceOf(actor, id);
    return { items: await this.permissions.list(id) };
  }

  @Authenticated()
  @Delete('processes/:id/permissions/:ruleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a permission or denial of the process or of one of its documents' })
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('ruleId', ParseUUIDPipe) ruleId: string,
  ): Promise<void> {
    return this.permissions.remove(actor, id, ruleId);
  }

  @Authenticated()
  @Get('processes/:id/access')
  @ApiOperation({ summary: 'The access explainer: who sees the process and why (members of its unit, Corregedoria)' })
  @ApiOkResponse({ type: AccessExplanationDto })
  processAccess(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AccessExplanationDto> {
    return this.explainer.process(actor, id);
  }

  @Authenticated()
  @Get('documents/:id/access')
  @ApiOperation({ summary: 'The access explainer for one document' })
  @ApiOkResponse({ type: AccessExplanationDto })
  documentAccess(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AccessExplanationDto> {
    return this.explainer.document(actor, id);
  }

  @Authenticated({ profiles: ['MANAGER'] })
  @Get('units/:id/level-5-numbers')
  @ApiOperation({ summary: "The numbers of the unit's level-5 processes, for its MANAGER: nothing else of them" })
  @ApiOkResponse({ type: Level5NumbersDto })
  level5Numbers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<Level5NumbersDto> {
    return this.level5.of(actor, id);
  }
}
