import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiUuidParam } from '../core/http/api-uuid-param';
import type { AuthPrincipal } from './auth-principal';
import { Principal, Roles } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyResponseDto, CreateApiKeyDto, CreatedApiKeyResponseDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @ApiOperation({
    summary: 'List API keys',
    description: 'Active API keys of your organization (never the keys themselves).',
  })
  @Get()
  async listApiKeys(@Principal() p: AuthPrincipal): Promise<ApiKeyResponseDto[]> {
    return (await this.keys.list(p.organizationId)).map(ApiKeyResponseDto.from);
  }

  @ApiOperation({
    summary: 'Create an API key',
    description: 'Creates a key for an integrator; the response is the only time the key is shown.',
  })
  @Post()
  async createApiKey(@Principal() p: AuthPrincipal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const { entity, key } = await this.keys.create(p, dto);
    return { ...ApiKeyResponseDto.from(entity), key };
  }

  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'Revokes a key: it stops working at once.',
  })
  @HttpCode(204)
  @ApiUuidParam()
  @Delete(':id')
  async revokeApiKey(@Principal() p: AuthPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.keys.revoke(p.organizationId, id);
  }
}
