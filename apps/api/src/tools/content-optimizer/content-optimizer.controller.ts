import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/auth.decorators';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { aiEnvelope } from '../../llm/ai-tool-kit';
import { ContentOptimizerService } from './content-optimizer.service';
import { OptimizeContentResponseDto } from './dto/optimize-content-response.dto';
import { OptimizeContentDto } from './dto/optimize-content.dto';

@ApiTags('content')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('optimize-content')
export class ContentOptimizerController {
  constructor(private readonly optimizer: ContentOptimizerService) {}

  @ApiOperation({
    summary: 'Optimize a post',
    description: 'Rewrites a post for a platform and scores the original and the result with our rubric (0–100). Answers 200 even when the model fails: the builtin engine answers instead (`fallback: true`).',
  })
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: OptimizeContentResponseDto })
  async optimizeContent(@Principal() principal: AuthPrincipal, @Body() body: OptimizeContentDto): Promise<OptimizeContentResponseDto> {
    return aiEnvelope(() => this.optimizer.optimize(principal.organizationId, body.content, body.platform));
  }
}
