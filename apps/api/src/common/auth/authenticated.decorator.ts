import type { Profile } from '@acervo/domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const AUTH_METADATA = 'acervo:auth';

export type RouteAccess = { kind: 'public' } | { kind: 'authenticated'; profiles?: readonly Profile[] };

/**
 * The one authorization decorator: marks the route for the global guard and documents
 * its security in OpenAPI. `profiles` limits it to users holding one of them anywhere.
 */
export function Authenticated(options: { profiles?: readonly Profile[] } = {}) {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { kind: 'authenticated', profiles: options.profiles } satisfies RouteAccess),
    ApiBearerAuth('access-token'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked access token' }),
    ...(options.profiles ? [ApiForbiddenResponse({ description: `Requires ${options.profiles.join(' or ')}` })] : []),
  );
}

/** Reachable without a session (sign-in steps, health, public consultation). */
export function Public() {
  return SetMetadata(AUTH_METADATA, { kind: 'public' } satisfies RouteAccess);
}
