import { SetMetadata } from '@nestjs/common';

/**
 * Route access metadata. core/ declares it (its own controllers are admin-only); the auth guard reads it.
 * core/ knows no feature: it only names roles and keys, it never checks credentials.
 */
export type Role = 'admin' | 'member';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Marks a route as reachable without credentials (login, setup, healthz). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to the given roles; routes without it are open to every authenticated principal. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The minimal caller shape core needs (rate-limit tracking); auth's principal satisfies it. */
export interface RequestPrincipal {
  kind: string;
  /** User id, or API key id. */
  id: string;
  organizationId: string;
}
