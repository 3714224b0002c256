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
  monitor: string;

  /** How far back, 1–168 hours; default 24. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'hours must be a whole number from 1 to 168' })
  @Min(1, { message: 'hours must be a whole number from 1 to 168' })
  @Max(MAX_HISTORY_HOURS, { message: 'hours must be a whole number from 1 to 168' })
  hours?: number;
}

export class HealthHistoryPointDto {
  checked_at: string;
  @ApiProperty({ enum: HEALTH_STATES, enumName: 'HealthState' })
  status: HealthState;
  latency_ms: number | null;
  http_status: number | null;
}

export class HealthHistoryResponseDto {
  monitor_id: string;
  hours: number;
  /** Oldest first. */
  series: HealthHistoryPointDto[];
}
