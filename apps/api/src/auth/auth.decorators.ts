import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthPrincipal } from './auth-principal';

// The access metadata lives in core/http so core's own admin-only controllers need not import auth.
export { IS_PUBLIC, Public, ROLES, Roles } from '../core/http/access.decorators';
export type { Role } from '../core/http/access.decorators';

/** The authenticated user or API key behind this request. */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthPrincipal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: AuthPrincipal }>();
  if (!req.principal) throw new Error('Principal requested on a public route');
  return req.principal;
});
