import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';

/** Global: every module that changes data records it through the same trail. */
@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditTrailModule {}
