import { ValidationFailed } from '@acervo/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import {
  ArchiveDto,
  AttachDto,
  ConcludeDto,
  ForwardDto,
  PriorityDto,
  SecrecyDto,
  SendExternalDto,
  VersionedDto,
} from './dto/operations.dto';
import {
  ConclusionTargetListDto,
  EventPageDto,
  EventsQuery,
  ProcessSearchDto,
  ProcessSearchQuery,
  ProcessViewDto,
} from './dto/process-view.dto';
import { RegisteredProcessDto, RegisterProcessDto } from './dto/register-process.dto';
import { OperationRoute } from './operation-route';
import { ProcessOperations } from './process-operations.service';
import { ProcessReader } from './process-reader';
import { RegisterProcess } from './register-process.use-case';

@ApiTags('processes')
@Controller('processes')
export class ProcessesController {
  constructor(
    private readonly register: RegisterProcess,
    private readonly reader: ProcessReader,
    private readonly operations: ProcessOperations,
  ) {}

  @Authenticated()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a process (new or old); numbered {unitCode}.{year}.{sequential}' })
  @ApiCreatedResponse({ type: RegisteredProcessDto })
  create(@CurrentActor() actor: Actor, @Body() dto: RegisterProcessDto): Promise<RegisteredProcessDto> {
    return this.register.run(actor, dto);
  }

  @Authenticated()
  @Get()
  @ApiOperation({
    summary:
      'By exact number (full content, the cover only for level 1 elsewhere, or nothing), or by words (q) among the processes the caller sees in full',
  })
  @ApiOkResponse({ type: ProcessSearchDto })
  async search(
    @CurrentActor() actor: Actor,
    @Query() query: ProcessSearchQuery,
    @Client() client: ClientInfo,
  ): Promise<ProcessSearchDto> {
    if (query.number) return { items: await this.reader.byNumber(actor, query.number, client), nextCursor: null };
    if (query.q) return this.reader.search(actor, query.q, query.limit, query.cursor);
    throw new ValidationFailed([{ field: 'q', message: 'informe number ou q' }]);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ summary: 'The process view: cover, parties and history in one request' })
  @ApiOkResponse({ type: ProcessViewDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  view(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Client() client: ClientInfo,
  ): Promise<ProcessViewDto> {
    return this.reader.view(actor, id, client);
  }

  @Authenticated()
  @Get(':id/conclusion-targets')
  @ApiOperation({
    summary: 'Whom the process may be concluded to: the active users of its unit who receive conclusions',
  })
  @ApiOkResponse({ type: ConclusionTargetListDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  async conclusionTargets(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConclusionTargetListDto> {
    return { items: await this.reader.conclusionTargets(actor, id) };
  }

  @Authenticated()
  @Get(':id/events')
  @ApiOperation({ summary: 'The history, oldest first, paged by sequence' })
  @ApiOkResponse({ type: EventPageDto })
  events(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: EventsQuery,
    @Client() client: ClientInfo,
  ): Promise<EventPageDto> {
    return this.reader.events(actor, id, query, client);
  }

  @Post(':id/conclude')
  @OperationRoute('Concluir: to a user of the unit (the holder, or Secretaria for a process in Secretaria)')
  conclude(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConcludeDto) {
    return this.operations.conclude(actor, id, dto);
  }

  @Post(':id/to-secretaria')
  @OperationRoute('Enviar para a Secretaria: the holder returns it')
  toSecretaria(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedDto) {
    return this.operations.toSecretaria(actor, id, dto);
  }

  @Post(':id/recover')
  @OperationRoute('Resgatar: Secretaria users and MANAGER take a concluded process back to the Secretaria')
  recover(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedDto) {
    return this.operations.recover(actor, id, dto);
  }

  @Post(':id/forward')
  @OperationRoute("Encaminhar a setor do MP: arrives in the target unit's Secretaria")
  forward(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ForwardDto) {
    return this.operations.forward(actor, id, dto);
  }

  @Post(':id/send-external')
  @OperationRoute('Encaminhar a órgão externo; it awaits return')
  sendExternal(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendExternalDto) {
    return this.operations.sendExternal(actor, id, dto);
  }

  @Post(':id/return-external')
  @OperationRoute("Retorno de órgão externo: back in the unit's Secretaria")
  returnExternal(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedDto) {
    return this.operations.returnExternal(actor, id, dto);
  }

  @Post(':id/priority')
  @OperationRoute('Marcar/Remover prioridade')
  priority(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PriorityDto) {
    return this.operations.priority(actor, id, dto);
  }

  @Post(':id/secrecy')
  @OperationRoute('Decretar sigilo: a member of the unit sets the level (with a justification shown in the process)')
  secrecy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SecrecyDto) {
    return this.operations.secrecy(actor, id, dto);
  }

  @Post(':id/attach')
  @OperationRoute('Anexar: the process becomes read-only inside its principal and leaves the boxes')
  attach(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AttachDto) {
    return this.operations.attach(actor, id, dto);
  }

  @Post(':id/archive')
  @OperationRoute('Arquivar with an archiving movement; an archived process cannot be moved')
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ArchiveDto) {
    return this.operations.archive(actor, id, dto);
  }

  @Post(':id/unarchive')
  @OperationRoute("Desarquivar: back in the unit's Secretaria")
  unarchive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedDto) {
    return this.operations.unarchive(actor, id, dto);
  }
}
