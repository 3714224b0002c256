import { Injectable, inject } from '@angular/core';
import { ContentService, HashtagResultDto, HashtagSuggestionDto, OptimizeContentResultDto } from '@postprober/api-client';
import type { Platform } from '@postprober/shared/platforms';

export type OptimizeResult = OptimizeContentResultDto;
export type HashtagsResult = HashtagResultDto;
export type SuggestedHashtag = HashtagSuggestionDto;

/** The two AI calls the Compose page makes, unwrapped from the `{success, result, processing_time}` envelope. */
@Injectable({ providedIn: 'root' })
export class ContentAi {
  private readonly content = inject(ContentService);

  async optimize(content: string, platform: Platform): Promise<OptimizeResult> {
    return (await this.content.optimizeContent({ body: { content, platform } })).result;
  }

  async hashtags(content: string, platform: Platform): Promise<HashtagsResult> {
    return (await this.content.generateHashtags({ body: { content, platform } })).result;
  }
}
