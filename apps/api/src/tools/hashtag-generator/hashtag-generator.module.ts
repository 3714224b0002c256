import { Module } from '@nestjs/common';
import { AiToolKit } from '../../llm/ai-tool-kit';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { HashtagGeneratorController } from './hashtag-generator.controller';
import { HashtagGeneratorService } from './hashtag-generator.service';

/**
 * POST /api/generate-hashtags. Needs LLM_PORT (LlmModule) and RESPONSE_CACHE (CacheModule), both global.
 * TRENDING_TAGS comes from whichever module owns trending data (optional: no trends without one).
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [HashtagGeneratorController],
  providers: [AiToolKit, HashtagGeneratorService],
})
export class HashtagGeneratorModule {}
