import { ApiProperty } from '@nestjs/swagger';
import type { HealthCheck } from '../entities/health-check.entity';
import type { Monitor, MonitorMethod } from '../entities/monitor.entity';
import type { MonitorPlatform, ProbeKind } from '../probes/platform-probe.port';
import { HealthCheckResponseDto } from './health-check-response.dto';
import { MONITOR_METHODS, MONITOR_PLATFORMS, PROBE_KINDS } from './save-monitor.dto';

/** A monitor as the API shows it: never the access token, only whether there is one. */
export class MonitorResponseDto {
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  id: string;
  @ApiProperty({ example: 'X API' })
  name: string;
  @ApiProperty({ enum: MONITOR_PLATFORMS, enumName: 'MonitorPlatform' })
  platform: MonitorPlatform;
  @ApiProperty({ enum: PROBE_KINDS, enumName: 'ProbeKind' })
  kind: ProbeKind;
  @ApiProperty({ example: 'https://api.x.com/2/users/me' })
  url: string;
  @ApiProperty({ enum: MONITOR_METHODS, enumName: 'MonitorMethod' })
  method: MonitorMethod;
  @ApiProperty({ example: { Accept: 'application/json' }, type: 'object', additionalProperties: { type: 'string' } })
  headers: Record<string, string>;
  /** True when an access token is stored (it is never returned). */
  @ApiProperty({ example: true })
  has_access_token: boolean;
  @ApiProperty({ example: 200, type: 'integer' })
  expected_status: number;
  @ApiProperty({ example: ['API'] })
  components: string[];
  @ApiProperty({ example: 5000, type: 'integer' })
  timeout_ms: number;
  @ApiProperty({ example: 300, type: 'integer' })
  interval_seconds: number;
  @ApiProperty({ example: true })
  enabled: boolean;
  /** One of the default status-page monitors. */
  @ApiProperty({ example: false })
  is_default: boolean;
  /** The start of its next slot (slots are fixed-rate: the previous slot plus the interval). */
  @ApiProperty({ example: '2026-11-20T09:35:00.000Z', format: 'date-time' })
  next_check_at: string;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  created_at: string;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
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
      next_check_at: (m.schedule?.dueAt ?? m.createdAt).toISOString(),
      created_at: m.createdAt.toISOString(),
      updated_at: m.updatedAt.toISOString(),
      last_check: lastCheck ? HealthCheckResponseDto.from(lastCheck) : null,
    };
  }
}
