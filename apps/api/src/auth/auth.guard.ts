import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthPrincipal } from './auth-principal';
import { IS_PUBLIC, Role, ROLES } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import { API_KEY_PREFIX } from './api-keys.service';
import { AuthService } from './auth.service';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: AuthPrincipal;
}

/** Global: every route needs a JWT (Authorization: Bearer) or an API key (X-API-Key) unless marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  // Route metadata never changes after start-up: look it up once per handler, not on every request.
  private readonly routeRules = new WeakMap<object, { isPublic: boolean; roles?: Role[] }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rules = this.rulesFor(ctx);
    if (rules.isPublic) return true;
    const req = ctx.switchToHttp().getRequest<AuthRequest>();
    const principal = await this.identify(req);
    if (!principal) {
      throw new UnauthorizedException('Sign in, or send an API key in the X-API-Key header');
    }
    req.principal = principal;
    if (rules.roles && !rules.roles.includes(principal.role)) {
      throw new ForbiddenException(`This needs the ${rules.roles.join(' or ')} role`);
    }
    return true;
  }

  private rulesFor(ctx: ExecutionContext) {
    const handler = ctx.getHandler();
    let rules = this.routeRules.get(handler);
    if (!rules) {
      const targets = [handler, ctx.getClass()];
      rules = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets),
      };
      this.routeRules.set(handler, rules);
    }
    return rules;
  }

  /**
   * The same checks for credentials that arrive outside an HTTP request (the Socket.IO handshake): an API
   * key wins over a token, and a token that is an API key is treated as one. Anything else: null.
   */
  async identifyCredentials(credentials: { token?: unknown; apiKey?: unknown }): Promise<AuthPrincipal | null> {
    if (typeof credentials.apiKey === 'string') return this.apiKeys.authenticate(credentials.apiKey);
    if (typeof credentials.token !== 'string') return null;
    const token = credentials.token.trim();
    // Tools that only speak bearer tokens (e.g. Prometheus) may send an API key this way.
    if (token.startsWith(API_KEY_PREFIX)) return this.apiKeys.authenticate(token);
    return this.auth.verify(token);
  }

  private identify(req: AuthRequest): Promise<AuthPrincipal | null> {
    const header = req.headers['authorization'];
    return this.identifyCredentials({
      apiKey: req.headers['x-api-key'],
      token: typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined,
    });
  }
}
