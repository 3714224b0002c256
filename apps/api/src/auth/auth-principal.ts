import type { RequestPrincipal, Role } from '../core/http/access.decorators';

/** Who is calling: a signed-in user, or an integrator's API key (which acts with its creator's organization). */
export interface AuthPrincipal extends RequestPrincipal {
  kind: 'user' | 'api-key';
  /** User id, or API key id. */
  id: string;
  organizationId: string;
  role: Role;
}
