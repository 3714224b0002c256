import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthPrincipal } from './auth-principal';
import { IS_PUBLIC, Role, ROLES } from './auth.decorators';
import { CredentialsAuthService } from './credentials-auth.service';

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
    private readonly credentials: CredentialsAuthService,
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

  private identify(req: AuthRequest): Promise<AuthPrincipal | null> {
    const header = req.headers['authorization'];
    return this.credentials
      .authenticate({
        apiKey: req.headers['x-api-key'],
        token: typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined,
      })
      .then((found) => found?.principal ?? null);
  }
}
