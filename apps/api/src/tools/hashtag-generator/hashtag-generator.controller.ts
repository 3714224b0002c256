import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/auth.decorators';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { aiEnvelope } from '../../llm/ai-tool-kit';
import { GenerateHashtagsDto } from './dto/generate-hashtags.dto';
import { GenerateHashtagsResponseDto } from './dto/hashtags-response.dto';
import { HashtagGeneratorService } from './hashtag-generator.service';

@ApiTags('content')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class HashtagGeneratorController {
  constructor(private readonly hashtags: HashtagGeneratorService) {}

  @ApiOperation({
    summary: 'Generate hashtags',
    description: 'Suggests a hashtag mix for a post: trending, niche and your brand\'s tags, sized for the platform. Model failures fall back to the built-in engine (`fallback: true`), never to an error.',
  })
  @Post('generate-hashtags')
  @HttpCode(200)
  async generateHashtags(@Principal() p: AuthPrincipal, @Body() dto: GenerateHashtagsDto): Promise<GenerateHashtagsResponseDto> {
    return aiEnvelope(() => this.hashtags.generate(p.organizationId, dto.content, dto.platform));
  }
}
