import { Module } from '@nestjs/common';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { ProcessesModule } from '../processes/processes.module';
import { UsersModule } from '../users/users.module';
import { DistributionGroupsController } from './distribution-groups.controller';
import { DistributionGroupsService } from './distribution-groups.service';
import { DistributionOperations } from './distribution-operations.service';
import { DrawRecords } from './draw-records.service';
import { ProcessDistributionController } from './process-distribution.controller';
import { RunLottery } from './run-lottery.use-case';

/** Distribution of processes to members (DOMAIN §5): groups, manual distribution, the lottery and its records. */
@Module({
  imports: [UsersModule, ProcessesModule, CataloguesModule],
  controllers: [DistributionGroupsController, ProcessDistributionController],
  providers: [DistributionGroupsService, DistributionOperations, RunLottery, DrawRecords],
})
export class DistributionModule {}
