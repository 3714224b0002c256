import { Injectable } from '@nestjs/common';
import type { AuthPrincipal } from './auth-principal';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';
import { AuthService } from './auth.service';

/** Who presented the credentials, until when they hold, and the API key to re-check (null for a JWT). */
export interface AuthenticatedCredentials {
  principal: AuthPrincipal;
  /** Epoch ms the JWT expires; null for an API key (valid until revoked). */
  expiresAt: number | null;
  /** The API key presented, so a long-lived connection can re-check it is not revoked; null for a JWT. */
  apiKey: string | null;
}

export interface Credentials {
  token?: unknown;
  apiKey?: unknown;
}

/**
 * The one place credentials become a principal, for HTTP requests (AuthGuard) and for connections that
 * authenticate once and then live on (the Socket.IO handshake): an API key wins over a token, and a token
 * that is an API key (tools that only speak bearer tokens, e.g. Prometheus) is treated as one.
 */
@Injectable()
export class CredentialsAuthService {
  constructor(
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async authenticate(credentials: Credentials): Promise<AuthenticatedCredentials | null> {
    const key = apiKeyIn(credentials);
    return key === null ? this.withToken(credentials) : this.withKey(key);
  }

  /**
   * The answer when it needs no database (a JWT, or no usable credentials); undefined when an API key must be
   * looked up. The HTTP guard answers most requests through this without a promise on the hot path.
   */
  withoutLookup(credentials: Credentials): AuthenticatedCredentials | null | undefined {
    return apiKeyIn(credentials) === null ? this.withToken(credentials) : undefined;
  }

  private withToken(credentials: Credentials): AuthenticatedCredentials | null {
    if (typeof credentials.token !== 'string') return null;
    const session = this.auth.verifySession(credentials.token.trim());
    return session ? { principal: session.principal, expiresAt: session.expiresAt, apiKey: null } : null;
  }

  private async withKey(key: string): Promise<AuthenticatedCredentials | null> {
    const principal = await this.apiKeys.authenticate(key);
    return principal ? { principal, expiresAt: null, apiKey: key } : null;
  }
}

/** The API key presented: X-API-Key, or a bearer token that is one; null when there is none. */
function apiKeyIn(credentials: Credentials): string | null {
  if (typeof credentials.apiKey === 'string') return credentials.apiKey;
  const token = typeof credentials.token === 'string' ? credentials.token.trim() : '';
  return token.startsWith(API_KEY_PREFIX) ? token : null;
}
