import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/http/access.decorators';
import { UserResponseDto } from '../dto/user-response.dto';
import { OrganizationsService } from '../organizations.service';
import { CreatedOrganizationResponseDto, CreateOrganizationDto } from './create-organization.dto';
import { OperatorKeyGuard } from './operator-key.guard';

/** What the deployment's operator does across customers. Not a customer credential: X-Operator-Key. */
@ApiTags('operator')
@ApiSecurity('operator-key')
@Public() // no user or API key: the operator key guard below decides
@UseGuards(OperatorKeyGuard)
@Controller('operator/organizations')
export class OperatorOrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @ApiOperation({
    summary: 'Create an organization with its first admin',
    description:
      'Operator only (`X-Operator-Key` equal to the deployment\'s `OPERATOR_KEY`). Creates a customer organization, ' +
      'isolated from every other, and its first admin, who then signs in with POST /api/auth/login.',
  })
  @ApiForbiddenResponse({ description: 'Operator access is not configured on this deployment (OPERATOR_KEY unset).' })
  @ApiConflictResponse({ description: 'The admin email is already registered.' })
  @Post()
  @HttpCode(201)
  async createOrganization(@Body() dto: CreateOrganizationDto): Promise<CreatedOrganizationResponseDto> {
    const admin = await this.organizations.createWithAdmin(dto.organization_name, dto);
    const organization = await this.organizations.get(admin.organizationId);
    return { organization: { id: organization.id, name: organization.name }, admin: UserResponseDto.from(admin) };
  }
}
