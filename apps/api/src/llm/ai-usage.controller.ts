import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Principal, Roles } from '../auth/auth.decorators';
import type { AuthPrincipal } from '../auth/auth-principal';
import { AiUsageResponseDto, GetAiUsageQueryDto } from './dto/ai-usage.dto';
import { LlmUsageService } from './llm-usage.service';

const DAY_MS = 86_400_000;

@ApiTags('ai')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('ai-usage')
export class AiUsageController {
  constructor(private readonly usage: LlmUsageService) {}

  @ApiOperation({
    summary: 'Get AI usage',
    description: 'The organization\'s model usage (calls, tokens, fallbacks) over the last `days` days, per operation.',
  })
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AiUsageResponseDto })
  async getAiUsage(@Principal() principal: AuthPrincipal, @Query() query: GetAiUsageQueryDto): Promise<AiUsageResponseDto> {
    const since = new Date(Date.now() - (query.days ?? 30) * DAY_MS);
    return AiUsageResponseDto.from(await this.usage.summary(principal.organizationId, since), since);
  }
}
