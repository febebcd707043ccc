import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { CommunicationsController } from './communications.controller';
import { CommunicationsService } from './communications.service';

/** Incoming citations and intimations, routed to the CHIEF, the plantão, the responsible member or the Secretaria. */
@Module({
  imports: [ProcessesModule],
  controllers: [CommunicationsController],
  providers: [CommunicationsService],
})
export class CommunicationsModule {}
