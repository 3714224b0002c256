import { ApiProperty } from '@nestjs/swagger';
import { HASHTAG_CATEGORIES, HASHTAG_REACHES } from '../hashtag-plan';
import type { HashtagCategory, HashtagReach } from '../hashtag-plan';

export class HashtagSuggestionDto {
  /**
   * The hashtag with its "#", ready to insert.
   * @example "#ContentStrategy"
   */
  tag: string;

  /** "trending": popular now and on topic; "niche": the post's own topic; "branded": your organization's tag. */
  @ApiProperty({ enum: HASHTAG_CATEGORIES })
  category: HashtagCategory;

  /** Expected audience size: "high" (broad), "medium", "targeted" (small, engaged). */
  @ApiProperty({ enum: HASHTAG_REACHES })
  reach: HashtagReach;
}

export class HashtagResultDto {
  /** Suggested hashtags: well-formed, unique, none already in the post, within the platform's recommended count. */
  hashtags: HashtagSuggestionDto[];

  /** Why this mix works (at most 300 characters). */
  strategy: string;

  /** Who answered: the configured model, or the built-in engine. */
  @ApiProperty({ enum: ['openai', 'builtin'] })
  engine: 'openai' | 'builtin';

  /** True when the model failed and the built-in engine answered instead. */
  fallback: boolean;

  /** True when an identical earlier request's answer was reused (kept 24 hours). */
  cached: boolean;
}

export class GenerateHashtagsResponseDto {
  /** Always true for a 2xx answer. */
  success: boolean;
  result: HashtagResultDto;
  /** Server time spent, in seconds (2 decimals). */
  processing_time: number;
}
