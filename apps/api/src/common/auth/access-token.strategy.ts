import { type AppConfig, requireAuthSecrets } from '@acervo/runtime';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { InjectConfig } from '../app-config';
import type { Actor } from './actor';
import { ACCESS_TOKEN, type TokenClaims } from './token-types';
import { ActorLoader } from './actor-loader';

/** Bearer access tokens: HS256 only, type "access", session still open, user still active. */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, 'access') {
  constructor(
    @InjectConfig() config: AppConfig,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: requireAuthSecrets(config).jwtSecret,
      algorithms: ['HS256'],
      issuer: 'acervo',
      ignoreExpiration: false,
    });
  }

  async validate(claims: TokenClaims): Promise<Actor | false> {
    if (claims.typ !== ACCESS_TOKEN || !claims.sub || !claims.sid) return false;
    return (await this.actors.forSession(claims.sub, claims.sid)) ?? false;
  }
}
