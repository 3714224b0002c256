import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthPrincipal } from './auth-principal';

export type Role = 'admin' | 'member';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Marks a route as reachable without credentials (login, setup, healthz). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to the given roles; routes without it are open to every authenticated principal. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated user or API key behind this request. */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthPrincipal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: AuthPrincipal }>();
  if (!req.principal) throw new Error('Principal requested on a public route');
  return req.principal;
});
