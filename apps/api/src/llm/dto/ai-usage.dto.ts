import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { LlmUsageSummary, LlmUsageTotals } from '../llm-usage.service';

export class GetAiUsageQueryDto {
  /** How many days back to count, 1 to 365. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number of days' })
  @Min(1, { message: 'days must be between 1 and 365' })
  @Max(365, { message: 'days must be between 1 and 365' })
  @ApiProperty({ example: 30, type: 'integer' })
  days?: number = 30;
}

export class AiUsageTotalsDto {
  /** Model calls (answered or fallen back). */
  @ApiProperty({ example: 42, type: 'integer' })
  requests: number;
  /** Prompt tokens spent, retries included. */
  @ApiProperty({ example: 18250, type: 'integer' })
  prompt_tokens: number;
  /** Completion tokens spent, retries included. */
  @ApiProperty({ example: 6120, type: 'integer' })
  completion_tokens: number;
  /** Calls answered by the builtin engine after the model failed. */
  @ApiProperty({ example: 1, type: 'integer' })
  fallbacks: number;

  static from(t: LlmUsageTotals): AiUsageTotalsDto {
    return { requests: t.requests, prompt_tokens: t.promptTokens, completion_tokens: t.completionTokens, fallbacks: t.fallbacks };
  }
}

export class AiUsageOperationDto extends AiUsageTotalsDto {
  /** The tool's operation, e.g. "optimize-content". */
  @ApiProperty({ example: 'optimize-content' })
  operation: string;
}

export class AiUsageResponseDto {
  /** Start of the counted period. */
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', type: String, format: 'date-time' })
  since: string;

  /** Sums over every operation. */
  total: AiUsageTotalsDto;

  /** Per operation, sorted by name. */
  @ApiProperty({ type: [AiUsageOperationDto] })
  operations: AiUsageOperationDto[];

  static from(summary: LlmUsageSummary, since: Date): AiUsageResponseDto {
    return {
      since: since.toISOString(),
      total: AiUsageTotalsDto.from(summary.total),
      operations: summary.operations.map((o) => ({ operation: o.operation, ...AiUsageTotalsDto.from(o) })),
    };
  }
}
