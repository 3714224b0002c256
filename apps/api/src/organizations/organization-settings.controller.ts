import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Principal, Roles } from '../auth/auth.decorators';
import type { AuthPrincipal } from '../auth/auth-principal';
import { OrganizationSettingsResponseDto, UpdateOrganizationSettingsDto } from './dto/organization-settings.dto';
import { OrganizationSettingsService } from './organization-settings.service';

@ApiTags('organization')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('organization/settings')
export class OrganizationSettingsController {
  constructor(private readonly settings: OrganizationSettingsService) {}

  @ApiOperation({
    summary: 'Get organization settings',
    description: 'Your organization\'s settings (branded hashtags). Any member may read them.',
  })
  @Get()
  async getOrganizationSettings(@Principal() p: AuthPrincipal): Promise<OrganizationSettingsResponseDto> {
    return OrganizationSettingsResponseDto.from(await this.settings.get(p.organizationId));
  }

  @ApiOperation({
    summary: 'Replace organization settings',
    description: 'Replaces your organization\'s settings. Admins only.',
  })
  @Roles('admin')
  @Put()
  async updateOrganizationSettings(
    @Principal() p: AuthPrincipal,
    @Body() dto: UpdateOrganizationSettingsDto,
  ): Promise<OrganizationSettingsResponseDto> {
    return OrganizationSettingsResponseDto.from(await this.settings.updateBrandedHashtags(p.organizationId, dto.branded_hashtags));
  }
}
