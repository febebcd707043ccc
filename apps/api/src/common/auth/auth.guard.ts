import { Forbidden } from '@acervo/domain';
import { type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportGuard } from '@nestjs/passport';
import type { Actor } from './actor';
import { AUTH_METADATA, type RouteAccess } from './authenticated.decorator';

/**
 * The one global guard. Every route must say who may reach it: a route with neither
 * @Public() nor @Authenticated() is refused, so forgetting the decorator fails closed.
 */
@Injectable()
export class GlobalAuthGuard extends PassportGuard('access') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) throw new Forbidden('Rota sem política de acesso declarada.');
    if (access.kind === 'public') return true;
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (access.profiles && !actor.assignments.some((a) => access.profiles!.includes(a.profile))) {
      throw new Forbidden('Seu perfil não permite esta operação.');
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // A bad or expired token reaches here as "no user"; an error is the session lookup
    // failing (the database away): that is the server's trouble, answered as such (503 for
    // a lost database) — a 401 would make the web client sign the user out.
    if (error) throw error;
    if (!user) throw new UnauthorizedException('Sessão inválida ou expirada. Entre novamente.');
    return user;
  }
}
