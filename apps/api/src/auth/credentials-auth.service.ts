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

  async authenticate(credentials: { token?: unknown; apiKey?: unknown }): Promise<AuthenticatedCredentials | null> {
    const key = typeof credentials.apiKey === 'string' ? credentials.apiKey : null;
    if (key !== null) return this.withKey(key);
    if (typeof credentials.token !== 'string') return null;
    const token = credentials.token.trim();
    if (token.startsWith(API_KEY_PREFIX)) return this.withKey(token);
    const session = this.auth.verifySession(token);
    return session ? { principal: session.principal, expiresAt: session.expiresAt, apiKey: null } : null;
  }

  private async withKey(key: string): Promise<AuthenticatedCredentials | null> {
    const principal = await this.apiKeys.authenticate(key);
    return principal ? { principal, expiresAt: null, apiKey: key } : null;
  }
}
