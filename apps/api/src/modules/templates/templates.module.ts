import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ProcessesModule } from '../processes/processes.module';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

/** Templates with the homologated tags, rendered into drafts (DOMAIN §7). */
@Module({
  imports: [DocumentsModule, ProcessesModule],
  controllers: [TemplatesController],
  providers: [TemplatesService],
})
export class TemplatesModule {}
