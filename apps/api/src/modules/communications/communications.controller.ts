import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CommunicationsService } from './communications.service';
import { CommunicationDto, CommunicationReceiptDto, ReceiveCommunicationDto } from './dto/communication.dto';

@ApiTags('communications')
@Controller('communications')
export class CommunicationsController {
  constructor(private readonly communications: CommunicationsService) {}

  @Authenticated()
  @Post()
  @ApiOperation({
    summary:
      'Receive a citation or intimation (PROTOCOL, or who may register in the unit): a citation goes to the CHIEF, ' +
      'an urgent intimation during a plantão to its ON_DUTY member, another intimation to the responsible member; ' +
      'finding nobody, to the Secretaria',
  })
  @ApiCreatedResponse({ type: CommunicationReceiptDto })
  @ApiOkResponse({ type: CommunicationReceiptDto, description: 'An externalId received before: the first answer' })
  @ApiForbiddenResponse({ description: 'The caller may not receive communications for the unit' })
  @ApiNotFoundResponse({ description: 'No process with this number that the caller sees' })
  @ApiConflictResponse({
    description: 'The process is in another unit, away, archived or attached; or the externalId is taken',
  })
  async receive(
    @CurrentActor() actor: Actor,
    @Body() dto: ReceiveCommunicationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommunicationReceiptDto> {
    const { receipt, replayed } = await this.communications.receive(actor, dto);
    res.status(replayed ? 200 : 201);
    return receipt;
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ summary: 'A communication, for who received it or who sees its process' })
  @ApiOkResponse({ type: CommunicationDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommunicationDto> {
    return this.communications.get(actor, id);
  }
}
