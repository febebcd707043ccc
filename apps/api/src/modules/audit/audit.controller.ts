import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { AuditService } from './audit.service';
import { AccessLogPage, AccessLogQuery } from './dto/access-log.dto';
import { AuditRecordPage, AuditRecordsQuery } from './dto/audit-records.dto';
import { SecurityEventPage, SecurityEventsQuery } from './dto/security-events.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Authenticated({ profiles: ['CHIEF', 'INSPECTOR'] })
  @Get('security-events')
  @ApiOperation({ summary: "Security log (logins, 2FA, devices, passwords) of the users of the viewer's units" })
  @ApiOkResponse({ type: SecurityEventPage })
  securityEvents(@CurrentActor() actor: Actor, @Query() query: SecurityEventsQuery): Promise<SecurityEventPage> {
    return this.audit.securityEvents(actor, query);
  }

  @Authenticated({ profiles: ['CHIEF', 'INSPECTOR'] })
  @Get('access-log')
  @ApiOperation({
    summary:
      "Access log (CNJ Res. 121/2010): reads of secret content and of other units' processes, for the processes of the viewer's units",
  })
  @ApiOkResponse({ type: AccessLogPage })
  accessLog(@CurrentActor() actor: Actor, @Query() query: AccessLogQuery): Promise<AccessLogPage> {
    return this.audit.accessLog(actor, query);
  }

  @Authenticated({ profiles: ['ADMIN', 'INSPECTOR'] })
  @Get('records')
  @ApiOperation({ summary: 'Audit trail of organisation and catalogue changes: who, when, before and after' })
  @ApiOkResponse({ type: AuditRecordPage })
  records(@Query() query: AuditRecordsQuery): Promise<AuditRecordPage> {
    return this.audit.records(query);
  }
}
