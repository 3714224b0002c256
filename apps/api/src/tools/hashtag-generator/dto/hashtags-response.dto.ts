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
  @ApiProperty({ example: 'niche', enumName: 'HashtagCategory', enum: HASHTAG_CATEGORIES })
  category: HashtagCategory;

  /** Expected audience size: "high" (broad), "medium", "targeted" (small, engaged). */
  @ApiProperty({ example: 'medium', enumName: 'HashtagReach', enum: HASHTAG_REACHES })
  reach: HashtagReach;
}

export class HashtagResultDto {
  /** Suggested hashtags: well-formed, unique, none already in the post, within the platform's recommended count. */
  hashtags: HashtagSuggestionDto[];

  /** Why this mix works (at most 300 characters). */
  @ApiProperty({ example: 'One broad tag for reach, two niche tags for the B2B audience, and your brand tag.' })
  strategy: string;

  /** Who answered: the configured model, or the built-in engine. */
  @ApiProperty({ example: 'builtin', enumName: 'AiEngine', enum: ['openai', 'builtin'] })
  engine: 'openai' | 'builtin';

  /** True when the model failed and the built-in engine answered instead. */
  @ApiProperty({ example: false })
  fallback: boolean;

  /** True when an identical earlier request's answer was reused (kept 24 hours). */
  @ApiProperty({ example: false })
  cached: boolean;
}

export class GenerateHashtagsResponseDto {
  /** Always true for a 2xx answer. */
  @ApiProperty({ example: true })
  success: boolean;
  result: HashtagResultDto;
  /** Server time spent, in seconds (2 decimals). */
  @ApiProperty({ example: 0.31 })
  processing_time: number;
}
