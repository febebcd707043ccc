import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

/** Deadlines set, closed and extended through the API; the worker records their expiry. */
@Module({
  imports: [ProcessesModule],
  controllers: [DeadlinesController],
  providers: [DeadlinesService],
})
export class DeadlinesModule {}
