import { ApiProperty } from '@nestjs/swagger';
import { MONITOR_PLATFORMS, type MonitorPlatform } from '@postprober/shared/platforms';
import {
  MONITOR_STATUSES,
  OVERALL_HEALTH_STATES,
  PROBE_KINDS,
  type MonitorHealthRow,
  type MonitorStatus,
  type OverallHealth,
  type PlatformHealthRow,
  type ProbeKind,
} from '@postprober/shared/health-events';

/** One platform, aggregated over its enabled monitors (summarizeHealth in libs/shared/health-events). */
export class PlatformHealthDto implements PlatformHealthRow {
  /** twitter, linkedin, instagram, facebook or custom. */
  @ApiProperty({ example: 'twitter', enumName: 'MonitorPlatform', enum: MONITOR_PLATFORMS })
  platform: MonitorPlatform;
  /** Worst known status of its monitors; `pending` while none has been checked yet. */
  @ApiProperty({ enum: MONITOR_STATUSES, enumName: 'MonitorStatus' })
  status: MonitorStatus;
  /** Latest response time in ms (API probes preferred over status pages); null before any answer. */
  @ApiProperty({ example: 182, type: 'integer' })
  response_time: number | null;
  /** Percent of recent checks that failed, one decimal; null with too few checks. */
  @ApiProperty({ example: 2.5 })
  error_rate: number | null;
  @ApiProperty({ example: 120, type: 'integer' })
  rate_limit_used: number | null;
  @ApiProperty({ example: 900, type: 'integer' })
  rate_limit_total: number | null;
  /** Percent of the quota used; null when the platform reported none. */
  @ApiProperty({ example: 13.3 })
  rate_limit_percent: number | null;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  last_check: string | null;
  /** Enabled monitors behind this row. */
  @ApiProperty({ example: 2, type: 'integer' })
  monitors: number;
  /** True when a monitor behind the row has not been checked for over two of its intervals: `status` is old news. */
  @ApiProperty({ example: false })
  stale: boolean;
}

/** Latest state of one enabled monitor (the same row the health_status socket event carries). */
export class MonitorHealthDto implements MonitorHealthRow {
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  monitor_id: string;
  @ApiProperty({ example: 'X API' })
  name: string;
  @ApiProperty({ example: 'twitter', enumName: 'MonitorPlatform', enum: MONITOR_PLATFORMS })
  platform: MonitorPlatform;
  @ApiProperty({ enum: PROBE_KINDS, enumName: 'ProbeKind' })
  probe_kind: ProbeKind;
  /** What the latest check said; `pending` while the monitor has never been checked. */
  @ApiProperty({ enum: MONITOR_STATUSES, enumName: 'MonitorStatus' })
  status: MonitorStatus;
  @ApiProperty({ example: 182, type: 'integer' })
  response_time: number | null;
  @ApiProperty({ example: 200, type: 'integer' })
  http_status: number | null;
  @ApiProperty({ example: 'timeout' })
  error_class: string | null;
  /** Percent of the last 20 checks that failed, one decimal (credential, rate-limit and blocked-address failures do not count); null with fewer than 5. */
  @ApiProperty({ example: 2.5 })
  error_rate: number | null;
  @ApiProperty({ example: 120, type: 'integer' })
  rate_limit_used: number | null;
  @ApiProperty({ example: 900, type: 'integer' })
  rate_limit_total: number | null;
  /** Percent of the quota used, one decimal; null when the platform reported none. */
  @ApiProperty({ example: 13.3 })
  rate_limit_percent: number | null;
  /** null while the monitor has never been checked. */
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  last_check: string | null;
  /** Seconds between its checks; its row is stale after two intervals (+5 s) without one. */
  @ApiProperty({ example: 300, type: 'integer' })
  interval_seconds: number;
}

export class HealthStatusResponseDto {
  platforms: PlatformHealthDto[];
  /**
   * `unknown` until there is evidence: nothing monitored, monitors not checked yet or without a verdict, or any
   * platform's data stale (then `status_reason` says why).
   */
  @ApiProperty({ enum: OVERALL_HEALTH_STATES, enumName: 'OverallHealthStatus' })
  overall_status: OverallHealth;
  /** Why the overall status is `unknown` on stale data, e.g. "monitoring paused: queue unreachable"; null otherwise. */
  @ApiProperty({ example: null, type: 'string', nullable: true })
  status_reason: string | null;
  /** Time of the newest check behind this answer (the answer's own time when nothing was checked yet). */
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  last_updated: string;
  monitors: MonitorHealthDto[];
}
