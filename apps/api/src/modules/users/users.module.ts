import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { DirectoryController } from './directory.controller';
import { DutyPeriodsController } from './duty-periods.controller';
import { DutyPeriodsService } from './duty-periods.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { OrganisationAccess } from './organisation-access';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UserReader } from './user-reader';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The organisation: units, users and their assignments, groups, the plantão roster. */
@Module({
  imports: [AuthModule],
  controllers: [UnitsController, UsersController, GroupsController, DutyPeriodsController, DirectoryController],
  providers: [
    BootstrapAdminService,
    OrganisationAccess,
    UnitsService,
    UserReader,
    UsersService,
    GroupsService,
    DutyPeriodsService,
  ],
  exports: [OrganisationAccess],
})
export class UsersModule {}
