import { randomBytes } from 'node:crypto';
import type { AppConfig } from '@acervo/runtime';
import { AssignmentEntity, UserEntity } from '@acervo/persistence';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectConfig } from '../../common/app-config';
import { PasswordHasher } from '../../common/password-hasher';

// Serialises concurrent replicas booting on an empty database.
const BOOTSTRAP_LOCK = 7_310_223;

/**
 * Makes a fresh installation usable: when no user exists, creates an ADMIN from the
 * BOOTSTRAP_ADMIN_* variables, printing a random password once when none was given.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { username, email } = this.config.bootstrapAdmin;
    const given = this.config.bootstrapAdmin.password;
    const password = given ?? randomBytes(15).toString('base64url');
    const created = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if (await tx.getRepository(UserEntity).exists()) return false;
      const user = await tx.getRepository(UserEntity).save({
        username,
        fullName: 'Administrador do sistema',
        email,
        cpf: null,
        passwordHash: await this.hasher.hash(password),
      });
      await tx.getRepository(AssignmentEntity).save({ userId: user.id, unitId: null, profile: 'ADMIN' });
      return true;
    });
    if (!created) return;
    if (given) this.logger.log(`bootstrap administrator "${username}" created`);
    else
      this.logger.warn(
        `bootstrap administrator "${username}" created with password ${password} — shown only now; ` +
          'sign in and enrol 2FA',
      );
  }
}
