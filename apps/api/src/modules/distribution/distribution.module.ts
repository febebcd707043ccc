import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { DistributionGroupsController } from './distribution-groups.controller';
import { DistributionGroupsService } from './distribution-groups.service';

/** Distribution of processes to members: groups now; manual distribution and the lottery build on them. */
@Module({
  imports: [UsersModule],
  controllers: [DistributionGroupsController],
  providers: [DistributionGroupsService],
})
export class DistributionModule {}
