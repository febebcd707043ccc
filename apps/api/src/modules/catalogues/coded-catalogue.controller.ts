import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { createValidationPipe } from '../../common/validation';
import { type CodedCatalogue, CodedCatalogueService } from './coded-catalogue.service';
import { CatalogueQuery } from './dto/coded.dto';

interface CatalogueRoutes {
  path: string;
  catalogue: CodedCatalogue;
  createDto: Type;
  updateDto: Type;
  itemDto: Type;
}

/**
 * The controller of one coded catalogue: reads for every signed-in user (registration
 * forms need them), writes for ADMIN. The DTO classes differ per catalogue, so the
 * validation pipe is told them explicitly.
 */
export function codedCatalogueController({ path, catalogue, createDto, updateDto, itemDto }: CatalogueRoutes): Type {
  const list = {
    type: 'object',
    properties: {
      items: { type: 'array', items: { $ref: getSchemaPath(itemDto) } },
      nextCursor: { type: 'string', nullable: true },
    },
  };

  @ApiTags('catalogues')
  @ApiExtraModels(itemDto)
  @Controller(path)
  class CodedCatalogueController {
    constructor(readonly service: CodedCatalogueService) {}

    @Authenticated()
    @Get()
    @ApiOperation({ summary: `${catalogue.label}: all entries, by code`, operationId: `${catalogue.entityType}_list` })
    @ApiOkResponse({ schema: list })
    list(@Query() query: CatalogueQuery) {
      return this.service.list(catalogue, query.active);
    }

    @Authenticated({ profiles: ['ADMIN'] })
    @Post()
    @HttpCode(201)
    @ApiOperation({ summary: `${catalogue.label}: add an entry`, operationId: `${catalogue.entityType}_create` })
    @ApiBody({ type: createDto })
    @ApiCreatedResponse({ type: itemDto })
    @ApiConflictResponse({ description: 'The code exists' })
    create(@CurrentActor() actor: Actor, @Body(createValidationPipe(createDto)) dto: Record<string, unknown>) {
      return this.service.create(actor, catalogue, dto);
    }

    @Authenticated({ profiles: ['ADMIN'] })
    @Patch(':code')
    @ApiOperation({ summary: `${catalogue.label}: rename, deactivate`, operationId: `${catalogue.entityType}_update` })
    @ApiBody({ type: updateDto })
    @ApiOkResponse({ type: itemDto })
    @ApiConflictResponse({ description: 'Stale version' })
    update(
      @CurrentActor() actor: Actor,
      @Param('code') code: string,
      @Body(createValidationPipe(updateDto)) dto: Record<string, unknown>,
    ) {
      return this.service.update(actor, catalogue, code.toUpperCase(), dto);
    }
  }
  Object.defineProperty(CodedCatalogueController, 'name', { value: `${catalogue.entityType}Controller` });
  return CodedCatalogueController;
}
