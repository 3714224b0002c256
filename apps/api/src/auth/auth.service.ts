import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { User } from '../organizations/entities/user.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../organizations/password';
import { UsersService } from '../organizations/users.service';
import type { AuthPrincipal } from './auth-principal';
import type { Role } from './auth.decorators';
import { LoginDto } from './dto/login.dto';
import { SetupDto } from './dto/setup.dto';
import { TokenResponseDto } from './dto/token-response.dto';

interface TokenClaims {
  sub: string;
  org: string;
  role: Role;
  exp?: number;
}

// Verified tokens are remembered until they expire: a session sends the same token on every request,
// and checking the signature each time cost more than the rest of an authenticated request.
const VERIFIED_CACHE_MAX = 20_000;

@Injectable()
export class AuthService {
  private readonly verified = new Map<string, { principal: AuthPrincipal; expiresAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly orgs: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  async needsSetup(): Promise<boolean> {
    return !(await this.orgs.hasAnyAdmin());
  }

  async setup(dto: SetupDto): Promise<TokenResponseDto> {
    const admin = await this.orgs.createFirst(dto.organization_name, dto);
    return this.issue(admin);
  }

  async login(dto: LoginDto): Promise<TokenResponseDto> {
    const user = await this.users.findByEmail(dto.email);
    // Unknown email still pays for a hash check, so response time does not reveal who has an account.
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) throw new UnauthorizedException('Invalid email or password');
    await this.users.recordLogin(user.id);
    return this.issue(user);
  }

  issue(user: User): TokenResponseDto {
    const claims: TokenClaims = { sub: user.id, org: user.organizationId, role: user.role };
    return {
      access_token: this.jwt.sign(claims),
      token_type: 'Bearer',
      expires_in: this.config.auth.jwtTtlSeconds,
    };
  }

  /** Verifies signature and expiry; no database round trip, so authenticated routes stay fast. */
  verify(token: string): AuthPrincipal | null {
    return this.verifySession(token)?.principal ?? null;
  }

  /** verify(), with the time (epoch ms) the token expires. */
  verifySession(token: string): { principal: AuthPrincipal; expiresAt: number } | null {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expiresAt > now) return hit;
      this.verified.delete(token);
    }
    let c: TokenClaims;
    try {
      c = this.jwt.verify<TokenClaims>(token);
    } catch {
      return null;
    }
    if (typeof c.sub !== 'string' || typeof c.org !== 'string' || typeof c.exp !== 'number') return null;
    if (c.role !== 'admin' && c.role !== 'member') return null;
    const principal: AuthPrincipal = { kind: 'user', id: c.sub, organizationId: c.org, role: c.role };
    if (this.verified.size >= VERIFIED_CACHE_MAX) this.verified.clear();
    const session = { principal, expiresAt: c.exp * 1000 };
    this.verified.set(token, session);
    return session;
  }
}
