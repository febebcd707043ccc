import { Global, Module } from '@nestjs/common';
import { AccessLog } from './access-log';
import { AuditTrail } from './audit-trail';

/** Global: every module records changes through the same trail, and reads of secret content in the same log. */
@Global()
@Module({ providers: [AuditTrail, AccessLog], exports: [AuditTrail, AccessLog] })
export class AuditTrailModule {}
