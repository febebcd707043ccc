import type { AppConfig } from '@acervo/runtime';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectConfig } from '../../common/app-config';
import {
  ACCESS_TOKEN,
  ENROLLMENT_TOKEN,
  TOTP_CHALLENGE_TOKEN,
  type TokenClaims,
  type TokenType,
} from '../../common/auth/token-types';

const STEP_TOKEN_TTL_SECONDS = 10 * 60;

/** Signs and checks the API's JWTs; a token is only ever accepted as its own type. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  access(userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync(
      { typ: ACCESS_TOKEN, sub: userId, sid: sessionId },
      { expiresIn: this.config.auth.accessTtlSeconds },
    );
  }

  /** Between the password and the code (or the enrollment): bound to the password in force. */
  step(type: typeof TOTP_CHALLENGE_TOKEN | typeof ENROLLMENT_TOKEN, userId: string, passwordChangedAt: Date) {
    return this.jwt.signAsync(
      { typ: type, sub: userId, pwd: passwordChangedAt.getTime() },
      { expiresIn: STEP_TOKEN_TTL_SECONDS },
    );
  }

  async verify(token: string | undefined, type: TokenType): Promise<TokenClaims & { sub: string }> {
    const claims = token
      ? await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] }).catch(() => undefined)
      : undefined;
    // A claim-less `sub` must never reach a lookup: findOneBy({ id: undefined }) returns the first row.
    if (!claims || claims.typ !== type || typeof claims.sub !== 'string' || !claims.sub) {
      throw new UnauthorizedException('Token inválido ou expirado. Entre novamente.');
    }
    return claims as TokenClaims & { sub: string };
  }
}
