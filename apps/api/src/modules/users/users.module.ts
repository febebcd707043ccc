import { Module } from '@nestjs/common';
import { PasswordHasher } from '../../common/password-hasher';
import { BootstrapAdminService } from './bootstrap-admin.service';

@Module({
  providers: [PasswordHasher, BootstrapAdminService],
})
export class UsersModule {}
