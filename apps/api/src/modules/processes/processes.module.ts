import { Module } from '@nestjs/common';
import { BoxesController } from './boxes.controller';
import { BoxesService } from './boxes.service';
import { ProcessOperations } from './process-operations.service';
import { ProcessReader } from './process-reader';
import { ProcessesController } from './processes.controller';
import { RegisterProcess } from './register-process.use-case';

/** Processes: registration, the view, the operations that move them, and the boxes. */
@Module({
  controllers: [ProcessesController, BoxesController],
  providers: [RegisterProcess, ProcessReader, ProcessOperations, BoxesService],
  exports: [ProcessReader, ProcessOperations, RegisterProcess],
})
export class ProcessesModule {}
