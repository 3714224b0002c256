import { ApiProperty } from '@nestjs/swagger';
import type { HealthState } from '@postprober/shared/health-events';
import type { HealthCheck } from '../entities/health-check.entity';

export const HEALTH_STATES: readonly HealthState[] = ['healthy', 'degraded', 'down', 'unknown'];

/** One recorded probe result. */
export class HealthCheckResponseDto {
  id: string;
  monitor_id: string;
  checked_at: string;
  @ApiProperty({ enum: HEALTH_STATES, enumName: 'HealthState' })
  status: HealthState;
  /** Time to a complete answer, ms; null when no request was sent. */
  latency_ms: number | null;
  http_status: number | null;
  body_bytes: number | null;
  /** Why the probe failed (timeout, dns, connection, tls, blocked-address, http-status, credentials, rate-limited, bad-response); null when it answered as expected. */
  error_class: string | null;
  error_message: string | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  /** Percent of the platform's quota used, 0–100. */
  rate_limit_percent: number | null;
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
