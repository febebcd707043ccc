import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { DeadlinesService } from './deadlines.service';
import {
  CloseDeadlineDto,
  DeadlineDto,
  DeadlineListDto,
  ExtendDeadlineDto,
  SetDeadlineDto,
  SetDeadlineResultDto,
} from './dto/deadline.dto';

@ApiTags('deadlines')
@Controller()
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Authenticated()
  @Post('processes/:id/deadlines')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Internal deadline (days or dueDate; wait, default true, moves the process to Em espera): whoever may move the process',
  })
  @ApiCreatedResponse({ type: SetDeadlineResultDto })
  @ApiForbiddenResponse({ description: 'The caller may not act on the process' })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  @ApiConflictResponse({ description: 'Stale version, or the process is archived or attached' })
  set(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetDeadlineDto,
  ): Promise<SetDeadlineResultDto> {
    return this.deadlines.set(actor, id, dto);
  }

  @Authenticated()
  @Get('processes/:id/deadlines')
  @ApiOperation({ summary: "A process's deadlines, legal and internal, running ones first" })
  @ApiOkResponse({ type: DeadlineListDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeadlineListDto> {
    return this.deadlines.list(actor, id);
  }

  @Authenticated()
  @Post('deadlines/:id/close')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Encerrar (the answer arrived): whoever may move the process, and an ANALYST on its member's processes; the process leaves Em espera when no other waiting deadline is pending",
  })
  @ApiOkResponse({ type: DeadlineDto })
  @ApiForbiddenResponse({ description: 'The caller may not act on the process' })
  @ApiNotFoundResponse({ description: 'Unknown, or its process is not visible to the caller' })
  @ApiConflictResponse({ description: 'Already closed or ended, or stale version' })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseDeadlineDto,
  ): Promise<DeadlineDto> {
    return this.deadlines.close(actor, id, dto);
  }

  @Authenticated()
  @Post('deadlines/:id/extend')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Prorrogar: a legal deadline by its class's rule with a justification (a member of the unit); an internal one by days or to a dueDate",
  })
  @ApiOkResponse({ type: DeadlineDto })
  @ApiForbiddenResponse({ description: 'The caller may not extend it' })
  @ApiNotFoundResponse({ description: 'Unknown, or its process is not visible to the caller' })
  @ApiConflictResponse({ description: 'Already closed or ended, or stale version' })
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExtendDeadlineDto,
  ): Promise<DeadlineDto> {
    return this.deadlines.extend(actor, id, dto);
  }
}
