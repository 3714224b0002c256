import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../organizations/users.service';
import { UserResponseDto } from '../organizations/dto/user-response.dto';
import type { AuthPrincipal } from './auth-principal';
import { Principal, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { SetupDto } from './dto/setup.dto';
import { MeResponseDto, SessionResponseDto, SetupStatusResponseDto, TokenResponseDto } from './dto/token-response.dto';

// Password guessing is slowed per client address; the rest of the API has the global limit.
const CREDENTIAL_LIMIT = { default: { limit: 10, ttl: 60_000 } };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly orgs: OrganizationsService,
  ) {}

  @ApiOperation({
    summary: 'Check whether setup is needed',
    description: 'Whether the one-time setup (first admin) is still to be done.',
  })
  @Public()
  @Get('setup')
  async getSetupStatus(): Promise<SetupStatusResponseDto> {
    return { needs_setup: await this.auth.needsSetup() };
  }

  @ApiOperation({
    summary: 'Run the first-time setup',
    description: 'Creates the organization and its first admin; refused (409) once an admin exists.',
  })
  @Public()
  @Throttle(CREDENTIAL_LIMIT)
  @Post('setup')
  setup(@Body() dto: SetupDto): Promise<TokenResponseDto> {
    return this.auth.setup(dto);
  }

  @ApiOperation({
    summary: 'Sign in',
    description: 'Exchanges email and password for a JWT.',
  })
  @Public()
  @Throttle(CREDENTIAL_LIMIT)
  @HttpCode(200)
  @Post('login')
  login(@Body() dto: LoginDto): Promise<TokenResponseDto> {
    return this.auth.login(dto);
  }

  @ApiOperation({
    summary: 'Get the current user and organization',
    description: 'The signed-in user (or the API key\'s creator) and organization.',
  })
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @Get('me')
  async getMe(@Principal() p: AuthPrincipal): Promise<MeResponseDto> {
    const organization = await this.orgs.get(p.organizationId);
    const user: UserResponseDto =
      p.kind === 'user'
        ? UserResponseDto.from(await this.users.get(p.organizationId, p.id))
        : { id: p.id, email: '', name: 'API key', role: p.role, created_at: '', last_login_at: null };
    return { user, organization: { id: organization.id, name: organization.name }, principal: p.kind };
  }

  @ApiOperation({
    summary: 'Get the current session',
    description: 'Who the credentials belong to, straight from the token or key: no database lookup.',
  })
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @Get('session')
  getSession(@Principal() p: AuthPrincipal): SessionResponseDto {
    return { principal: p.kind, id: p.id, organization_id: p.organizationId, role: p.role };
  }
}
