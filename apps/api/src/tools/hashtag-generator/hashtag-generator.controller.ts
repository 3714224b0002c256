import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/auth.decorators';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { GenerateHashtagsDto } from './dto/generate-hashtags.dto';
import { GenerateHashtagsResponseDto } from './dto/hashtags-response.dto';
import { HashtagGeneratorService } from './hashtag-generator.service';

@ApiTags('content')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class HashtagGeneratorController {
  constructor(private readonly hashtags: HashtagGeneratorService) {}

  /**
   * Suggests a hashtag mix for a post: trending, niche and your brand's tags, sized for the platform.
   * Model failures fall back to the built-in engine (`fallback: true`), never to an error.
   */
  @Post('generate-hashtags')
  @HttpCode(200)
  async generateHashtags(@Principal() p: AuthPrincipal, @Body() dto: GenerateHashtagsDto): Promise<GenerateHashtagsResponseDto> {
    const started = performance.now();
    const result = await this.hashtags.generate(p.organizationId, dto.content, dto.platform);
    return { success: true, result, processing_time: Math.round((performance.now() - started) / 10) / 100 };
  }
}
