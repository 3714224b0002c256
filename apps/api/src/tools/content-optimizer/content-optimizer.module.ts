import { Module } from '@nestjs/common';
import { AiToolKit } from '../../llm/ai-tool-kit';
import { ContentOptimizerController } from './content-optimizer.controller';
import { ContentOptimizerService } from './content-optimizer.service';

/** POST /api/optimize-content. Uses the global LLM_PORT and RESPONSE_CACHE. */
@Module({
  controllers: [ContentOptimizerController],
  providers: [AiToolKit, ContentOptimizerService],
})
export class ContentOptimizerModule {}
