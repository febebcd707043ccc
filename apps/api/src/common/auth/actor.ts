import type { Profile } from '@acervo/domain';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is acting: passed explicitly as the first argument of every service method. */
export interface Actor {
  userId: string;
  sessionId: string;
  username: string;
  assignments: ReadonlyArray<{
    unitId: string | null;
    profile: Profile;
    secretaria: boolean;
    linkedMemberId: string | null;
  }>;
}

/** The client as seen by the server, for the security log and throttling. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request & { user?: Actor }>().user;
  if (!actor) throw new Error('CurrentActor used on a route without @Authenticated()');
  return actor;
});

export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo =>
  clientOf(ctx.switchToHttp().getRequest<Request>()),
);

export function clientOf(req: Request): ClientInfo {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 512) ?? null };
}
