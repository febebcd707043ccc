import { type AppConfig, requireAuthSecrets } from '@acervo/runtime';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG } from '../../common/app-config';
import { RateLimitModule } from '../../common/rate-limit.module';
import { AccessTokenStrategy } from '../../common/auth/access-token.strategy';
import { ActorLoader } from '../../common/auth/actor-loader';
import { GlobalAuthGuard } from '../../common/auth/auth.guard';
import { PasswordHasher } from '../../common/password-hasher';
import { AuthController } from './auth.controller';
import { EmailLinkService } from './email-link.service';
import { LoginService } from './login.service';
import { MeController } from './me.controller';
import { PasswordService } from './password.service';
import { SecretBox } from './secret-box';
import { SecurityLog } from './security-log.service';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { Totp } from './totp';
import { TrustedDeviceService } from './trusted-device.service';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [
    PassportModule,
    RateLimitModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: requireAuthSecrets(config).jwtSecret,
        signOptions: { algorithm: 'HS256', issuer: 'acervo' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'acervo' },
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    { provide: APP_GUARD, useClass: GlobalAuthGuard },
    {
      provide: SecretBox,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new SecretBox(requireAuthSecrets(c).totpKey),
    },
    Totp,
    AccessTokenStrategy,
    ActorLoader,
    PasswordHasher,
    TokenService,
    SecurityLog,
    SessionService,
    EmailLinkService,
    TrustedDeviceService,
    LoginService,
    TwoFactorService,
    PasswordService,
  ],
  exports: [PasswordHasher, PasswordService, SessionService],
})
export class AuthModule {}
