import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import { ApiProperty } from '@nestjs/swagger';

export class OptimizeContentResultDto {
  /** The optimized post, ready to publish. */
  @ApiProperty({ example: 'Struggling with B2B content? Here are 3 lessons from our first year. Which one matches yours?' })
  optimized_content: string;
  /** Our rubric's score (0–100) of the optimized post for the platform. */
  @ApiProperty({ example: 78, type: 'integer' })
  score: number;
  /** Our rubric's score (0–100) of the original post. */
  @ApiProperty({ example: 45, type: 'integer' })
  original_score: number;
  /** What changed the score between the original and the optimized post, e.g. "Added a call to action (+10)". */
  @ApiProperty({ example: ['Added a call to action (+10)'] })
  improvements: string[];
  /** Length of the original as the platform counts it. */
  @ApiProperty({ example: 52, type: 'integer' })
  original_length: number;
  /** Length of the optimized post as the platform counts it. */
  @ApiProperty({ example: 96, type: 'integer' })
  optimized_length: number;
  /** The platform optimized for. */
  @ApiProperty({ example: 'linkedin', enum: PLATFORMS, enumName: 'Platform' })
  platform: Platform;
  /** Who wrote the optimized post: the model, or the deterministic builtin engine. */
  @ApiProperty({ enum: ['openai', 'builtin'], enumName: 'AiEngine' })
  engine: 'openai' | 'builtin';
  /** True when the model failed and the builtin engine answered instead. */
  @ApiProperty({ example: false })
  fallback: boolean;
  /** True when this answer came from the cache (an identical request in the last 24 hours). */
  @ApiProperty({ example: false })
  cached: boolean;
}

export class OptimizeContentResponseDto {
  /** Always true on a 200. */
  @ApiProperty({ example: true })
  success: boolean;
  result: OptimizeContentResultDto;
  /** Server time spent on this request, in seconds (2 decimals). */
  @ApiProperty({ example: 0.84 })
  processing_time: number;
}
