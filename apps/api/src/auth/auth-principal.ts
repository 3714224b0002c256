import type { Role } from './auth.decorators';

/** Who is calling: a signed-in user, or an integrator's API key (which acts with its creator's organization). */
export interface AuthPrincipal {
  kind: 'user' | 'api-key';
  /** User id, or API key id. */
  id: string;
  organizationId: string;
  role: Role;
}
