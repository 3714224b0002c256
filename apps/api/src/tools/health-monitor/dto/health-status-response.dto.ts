import { ApiProperty } from '@nestjs/swagger';
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
  platform: string;
  /** Worst known status of its monitors; `pending` while none has been checked yet. */
  @ApiProperty({ enum: MONITOR_STATUSES, enumName: 'MonitorStatus' })
  status: MonitorStatus;
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

/** Latest state of one enabled monitor (the same row the health_status socket event carries). */
export class MonitorHealthDto implements MonitorHealthRow {
  monitor_id: string;
  name: string;
  platform: string;
  @ApiProperty({ enum: PROBE_KINDS, enumName: 'ProbeKind' })
  probe_kind: ProbeKind;
  /** What the latest check said; `pending` while the monitor has never been checked. */
  @ApiProperty({ enum: MONITOR_STATUSES, enumName: 'MonitorStatus' })
  status: MonitorStatus;
  response_time: number | null;
  http_status: number | null;
  error_class: string | null;
  /** Percent of the last 20 checks that failed, one decimal (credential, rate-limit and blocked-address failures do not count); null with fewer than 5. */
  error_rate: number | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  /** Percent of the quota used, one decimal; null when the platform reported none. */
  rate_limit_percent: number | null;
  /** null while the monitor has never been checked. */
  last_check: string | null;
}

export class HealthStatusResponseDto {
  platforms: PlatformHealthDto[];
  /** `unknown` until there is evidence: nothing monitored, or monitors not checked yet or without a verdict. */
  @ApiProperty({ enum: OVERALL_HEALTH_STATES, enumName: 'OverallHealthStatus' })
  overall_status: OverallHealth;
  /** Time of the newest check behind this answer (the answer's own time when nothing was checked yet). */
  last_updated: string;
  monitors: MonitorHealthDto[];
}
