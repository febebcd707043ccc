import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { NotificationPageDto, NotificationsQuery } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Get()
  @ApiOperation({ summary: "The caller's deadline notices (due soon, expired), newest first" })
  @ApiOkResponse({ type: NotificationPageDto })
  page(@CurrentActor() actor: Actor, @Query() query: NotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.page(actor, query);
  }

  @Authenticated()
  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks one of the caller’s notices read' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not a notice of the caller' })
  async markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }
}
