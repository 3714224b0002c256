import { ApiProperty } from '@nestjs/swagger';
import type { HealthState } from '@postprober/shared/health-events';
import { HEALTH_STATES } from './health-check-response.dto';

export const OVERALL_STATES = ['healthy', 'degraded', 'down'] as const;

/** One platform, aggregated over its enabled monitors. */
export class PlatformHealthDto {
  /** twitter, linkedin, instagram, facebook or custom. */
  platform: string;
  @ApiProperty({ enum: HEALTH_STATES, enumName: 'HealthState' })
  status: HealthState;
  /** Latest response time in ms (API probes preferred over status pages); null before any answer. */
  response_time: number | null;
  /** Percent of recent checks that failed, one decimal; null with too few checks. */
  error_rate: number | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  /** Percent of the quota used; null when the platform reported none. */
  rate_limit_percent: number | null;
  last_check: string | null;
  /** Enabled monitors behind this row. */
  monitors: number;
}

/** Latest state of one enabled monitor (the same fields the health_status socket event carries). */
export class MonitorHealthDto {
  monitor_id: string;
  name: string;
  platform: string;
  @ApiProperty({ enum: HEALTH_STATES, enumName: 'HealthState' })
  status: HealthState;
  response_time: number | null;
  http_status: number | null;
  error_class: string | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  /** null while the monitor has never been checked. */
  last_check: string | null;
}

export class HealthStatusResponseDto {
  platforms: PlatformHealthDto[];
  @ApiProperty({ enum: OVERALL_STATES, enumName: 'OverallHealthStatus' })
  overall_status: (typeof OVERALL_STATES)[number];
  /** Time of the newest check behind this answer (the answer's own time when nothing was checked yet). */
  last_updated: string;
  monitors: MonitorHealthDto[];
}
