import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit.module';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { DocumentsModule } from '../documents/documents.module';
import { ProcessesModule } from '../processes/processes.module';
import { PublicModule } from '../public/public.module';
import {
  AttendancesController,
  CitizenAttendanceController,
  ComplaintsReportController,
} from './attendances.controller';
import { AttendancesService } from './attendances.service';
import { CitizenConsultation } from './citizen-consultation.service';
import { ComplaintsReport } from './complaints-report.service';

/** Citizens' visits and consumer complaints (DOMAIN §10), their conversion, report and consultation. */
@Module({
  imports: [ProcessesModule, DocumentsModule, CataloguesModule, PublicModule, RateLimitModule],
  controllers: [AttendancesController, ComplaintsReportController, CitizenAttendanceController],
  providers: [AttendancesService, ComplaintsReport, CitizenConsultation],
})
export class AttendancesModule {}
