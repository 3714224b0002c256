import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import { ApiProperty } from '@nestjs/swagger';

export class OptimizeContentResultDto {
  /** The optimized post, ready to publish. */
  optimized_content: string;
  /** Our rubric's score (0–100) of the optimized post for the platform. */
  score: number;
  /** Our rubric's score (0–100) of the original post. */
  original_score: number;
  /** What changed the score between the original and the optimized post, e.g. "Added a call to action (+10)". */
  improvements: string[];
  /** Length of the original as the platform counts it. */
  original_length: number;
  /** Length of the optimized post as the platform counts it. */
  optimized_length: number;
  /** The platform optimized for. */
  @ApiProperty({ enum: PLATFORMS, enumName: 'Platform' })
  platform: Platform;
  /** Who wrote the optimized post: the model, or the deterministic builtin engine. */
  @ApiProperty({ enum: ['openai', 'builtin'], enumName: 'AiEngine' })
  engine: 'openai' | 'builtin';
  /** True when the model failed and the builtin engine answered instead. */
  fallback: boolean;
  /** True when this answer came from the cache (an identical request in the last 24 hours). */
  cached: boolean;
}

export class OptimizeContentResponseDto {
  /** Always true on a 200. */
  success: boolean;
  result: OptimizeContentResultDto;
  /** Server time spent on this request, in seconds (2 decimals). */
  processing_time: number;
}
