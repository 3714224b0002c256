import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthPrincipal } from './auth-principal';
import { IS_PUBLIC, Role, ROLES } from './auth.decorators';
import { type Credentials, CredentialsAuthService } from './credentials-auth.service';

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

  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    const rules = this.rulesFor(ctx);
    if (rules.isPublic) return true;
    const req = ctx.switchToHttp().getRequest<AuthRequest>();
    const credentials = this.credentialsOf(req);
    // A JWT is checked in memory: answer at once. Only API keys need the database (a promise).
    const known = this.credentials.withoutLookup(credentials);
    if (known !== undefined) return this.admit(req, rules, known?.principal ?? null);
    return this.credentials.authenticate(credentials).then((found) => this.admit(req, rules, found?.principal ?? null));
  }

  private admit(req: AuthRequest, rules: { roles?: Role[] }, principal: AuthPrincipal | null): boolean {
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

  private credentialsOf(req: AuthRequest): Credentials {
    const header = req.headers['authorization'];
    return { apiKey: req.headers['x-api-key'], token: typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined };
  }
}
