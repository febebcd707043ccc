import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { AccessExplainer } from './access-explainer.service';
import { Level5Numbers } from './level-5-numbers.service';
import { PermissionsService } from './permissions.service';
import { SecrecyController } from './secrecy.controller';

/** Secrecy (DOMAIN §4): explicit permissions and denials, the access explainer, the level-5 register. */
@Module({
  imports: [ProcessesModule],
  controllers: [SecrecyController],
  providers: [PermissionsService, AccessExplainer, Level5Numbers],
})
export class SecrecyModule {}
