import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { DocumentOperations } from './document-operations.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Documents of processes and standalone ones: drafts, PDF uploads, signing, trash. */
@Module({
  imports: [ProcessesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentOperations],
  exports: [DocumentsService],
})
export class DocumentsModule {}
