import { Module } from '@nestjs/common';
import { AiToolKit } from '../../llm/ai-tool-kit';
import { TRENDING_TAGS } from '../../core/ports/trending-tags.port';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { HashtagGeneratorController } from './hashtag-generator.controller';
import { HashtagGeneratorService } from './hashtag-generator.service';
import { NoTrendingTagsAdapter } from './no-trending-tags.adapter';

/**
 * POST /api/generate-hashtags. Needs LLM_PORT (LlmModule) and RESPONSE_CACHE (CacheModule), both global.
 * TRENDING_TAGS is bound to a no-trends default until the trending analyzer provides the real adapter.
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [HashtagGeneratorController],
  providers: [AiToolKit, HashtagGeneratorService, { provide: TRENDING_TAGS, useClass: NoTrendingTagsAdapter }],
})
export class HashtagGeneratorModule {}
