import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { HealthState } from '@postprober/shared/health-events';
import { HEALTH_STATES } from './health-check-response.dto';

export const MAX_HISTORY_HOURS = 168;

/** Query of getHealthHistory. */
export class HealthHistoryQueryDto {
  /** The monitor's id. */
  @IsUUID('all', { message: 'monitor must be a monitor id (UUID)' })
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  monitor: string;

  /** How far back, 1–168 hours; default 24. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'hours must be a whole number from 1 to 168' })
  @Min(1, { message: 'hours must be a whole number from 1 to 168' })
  @Max(MAX_HISTORY_HOURS, { message: 'hours must be a whole number from 1 to 168' })
  @ApiProperty({ example: 24, type: 'integer' })
  hours?: number;
}

export class HealthHistoryPointDto {
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  checked_at: string;
  @ApiProperty({ enum: HEALTH_STATES, enumName: 'HealthState' })
  status: HealthState;
  @ApiProperty({ example: 182, type: 'integer' })
  latency_ms: number | null;
  @ApiProperty({ example: 200, type: 'integer' })
  http_status: number | null;
}

/** A stretch with no checks where the schedule wanted some: checks that could not run, never shown as health. */
export class HealthHistoryGapDto {
  /** The last check before it. */
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  from: string;
  /** The first check after it, or the time of the answer while it lasts. */
  @ApiProperty({ example: '2026-11-20T09:45:00.000Z', format: 'date-time' })
  to: string;
  /** Checks that should have run in it. */
  @ApiProperty({ example: 2, type: 'integer' })
  missed_checks: number;
}

export class HealthHistoryResponseDto {
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  monitor_id: string;
  @ApiProperty({ example: 24, type: 'integer' })
  hours: number;
  /** Oldest first. */
  series: HealthHistoryPointDto[];
  /** Where checks are missing: consecutive checks more than two intervals apart, or none since then. Oldest first. */
  gaps: HealthHistoryGapDto[];
}
