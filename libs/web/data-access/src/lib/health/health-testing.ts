import type { HealthAlert, HealthHandshakeAuth } from '@postprober/shared/health-events';
import type { HealthStatusResponse } from './health-api';
import type { HealthSocketConnector, HealthSocketHandlers } from './health-socket';

/** Test doubles and data for the health specs of this library. Not exported from the library. */

/** Stands in for the Socket.IO channel: records each connection and lets a spec play the server. */
export class FakeHealthChannel {
  readonly connections: { auth: () => HealthHandshakeAuth; handlers: HealthSocketHandlers; closed: boolean }[] = [];

  readonly connector: HealthSocketConnector = (auth, handlers) => {
    const connection = { auth, handlers, closed: false };
    this.connections.push(connection);
    return { close: () => (connection.closed = true) };
  };

  get current() {
    const last = this.connections.at(-1);
    if (!last) throw new Error('No socket was opened');
    return last;
  }
}

export function alert(id: string, overrides: Partial<HealthAlert> = {}): HealthAlert {
  return {
    id,
    type: 'opened',
    incident_id: `i${id}`,
    monitor_id: 'm-x',
    platform: 'twitter',
    kind: 'availability',
    severity: 'critical',
    message: `X is down (${id})`,
    action: 'Pause scheduled posts to X',
    timestamp: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

export function healthStatus(overrides: Partial<HealthStatusResponse> = {}): HealthStatusResponse {
  return {
    platforms: [
      {
        platform: 'twitter',
        status: 'healthy',
        response_time: 210,
        error_rate: 0,
        rate_limit_used: null,
        rate_limit_total: null,
        rate_limit_percent: null,
        last_check: '2026-11-25T10:00:00.000Z',
        monitors: 1,
        stale: false,
      },
    ],
    overall_status: 'healthy',
    status_reason: null,
    last_updated: '2026-11-25T10:00:00.000Z',
    monitors: [
      {
        monitor_id: 'm-x',
        name: 'X status page',
        platform: 'twitter',
        probe_kind: 'statuspage',
        status: 'healthy',
        response_time: 210,
        http_status: 200,
        error_class: null,
        error_rate: 0,
        rate_limit_used: null,
        rate_limit_total: null,
        rate_limit_percent: null,
        last_check: '2026-11-25T10:00:00.000Z',
        // The fixtures' checks are days old: a 30-day interval keeps them fresh (staleness has its own specs).
        interval_seconds: 30 * 86_400,
      },
    ],
    ...overrides,
  };
}
