import { ApiProperty } from '@nestjs/swagger';
import type { HealthCheck } from '../entities/health-check.entity';
import type { Monitor, MonitorMethod } from '../entities/monitor.entity';
import type { MonitorPlatform, ProbeKind } from '../probes/platform-probe.port';
import { HealthCheckResponseDto } from './health-check-response.dto';
import { MONITOR_METHODS, MONITOR_PLATFORMS, PROBE_KINDS } from './save-monitor.dto';

/** A monitor as the API shows it: never the access token, only whether there is one. */
export class MonitorResponseDto {
  id: string;
  name: string;
  @ApiProperty({ enum: MONITOR_PLATFORMS, enumName: 'MonitorPlatform' })
  platform: MonitorPlatform;
  @ApiProperty({ enum: PROBE_KINDS, enumName: 'ProbeKind' })
  kind: ProbeKind;
  url: string;
  @ApiProperty({ enum: MONITOR_METHODS, enumName: 'MonitorMethod' })
  method: MonitorMethod;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  headers: Record<string, string>;
  /** True when an access token is stored (it is never returned). */
  has_access_token: boolean;
  expected_status: number;
  components: string[];
  timeout_ms: number;
  interval_seconds: number;
  enabled: boolean;
  /** One of the default status-page monitors. */
  is_default: boolean;
  /** When the sweep will probe it next. */
  next_check_at: string;
  created_at: string;
  updated_at: string;
  /** The latest check, or null before the first. */
  last_check: HealthCheckResponseDto | null;

  static from(m: Monitor, lastCheck: HealthCheck | null): MonitorResponseDto {
    return {
      id: m.id,
      name: m.name,
      platform: m.platform,
      kind: m.kind,
      url: m.url,
      method: m.method,
      headers: m.headers,
      has_access_token: m.accessTokenEncrypted !== null,
      expected_status: m.expectedStatus,
      components: m.components,
      timeout_ms: m.timeoutMs,
      interval_seconds: m.intervalSeconds,
      enabled: m.enabled,
      is_default: m.isDefault,
      next_check_at: m.nextCheckAt.toISOString(),
      created_at: m.createdAt.toISOString(),
      updated_at: m.updatedAt.toISOString(),
      last_check: lastCheck ? HealthCheckResponseDto.from(lastCheck) : null,
    };
  }
}
