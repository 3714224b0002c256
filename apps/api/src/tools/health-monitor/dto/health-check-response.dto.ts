import { ApiProperty } from '@nestjs/swagger';
import type { HealthState } from '@postprober/shared/health-events';
import type { HealthCheck } from '../entities/health-check.entity';

export const HEALTH_STATES: readonly HealthState[] = ['healthy', 'degraded', 'down', 'unknown'];

/** One recorded probe result. */
export class HealthCheckResponseDto {
  @ApiProperty({ example: 'c2a4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f' })
  id: string;
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  monitor_id: string;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  checked_at: string;
  @ApiProperty({ enum: HEALTH_STATES, enumName: 'HealthState' })
  status: HealthState;
  /** Time to a complete answer, ms; null when no request was sent. */
  @ApiProperty({ example: 182, type: 'integer' })
  latency_ms: number | null;
  @ApiProperty({ example: 200, type: 'integer' })
  http_status: number | null;
  @ApiProperty({ example: 1534, type: 'integer' })
  body_bytes: number | null;
  /** Why the probe failed (timeout, dns, connection, tls, blocked-address, http-status, credentials, rate-limited, bad-response); null when it answered as expected. */
  @ApiProperty({ example: 'timeout' })
  error_class: string | null;
  @ApiProperty({ example: 'No answer within 5000 ms' })
  error_message: string | null;
  @ApiProperty({ example: 120, type: 'integer' })
  rate_limit_used: number | null;
  @ApiProperty({ example: 900, type: 'integer' })
  rate_limit_total: number | null;
  /** Percent of the platform's quota used, 0–100. */
  @ApiProperty({ example: 13.3 })
  rate_limit_percent: number | null;
  @ApiProperty({ example: '2026-11-20T09:45:00.000Z', format: 'date-time' })
  rate_limit_reset_at: string | null;

  static from(c: HealthCheck): HealthCheckResponseDto {
    return {
      id: String(c.id),
      monitor_id: c.monitorId,
      checked_at: c.checkedAt.toISOString(),
      status: c.status,
      latency_ms: c.latencyMs,
      http_status: c.httpStatus,
      body_bytes: c.bodyBytes,
      error_class: c.errorClass,
      error_message: c.errorMessage,
      rate_limit_used: c.rateLimitUsed,
      rate_limit_total: c.rateLimitTotal,
      rate_limit_percent: c.rateLimitPercent,
      rate_limit_reset_at: c.rateLimitResetAt ? c.rateLimitResetAt.toISOString() : null,
    };
  }
}
