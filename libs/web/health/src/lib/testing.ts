import type { HealthSocketHandlers, Incident, Monitor, MonitorCheck, MonitorHealth } from '@postprober/web/data-access';

/** Helpers and data for the health specs. Not exported from the library. */

export { allByTestId, byTestId, nextRequest, settle, typeInto as type } from '@postprober/web/testing';

/** A socket connector that never connects by itself; the spec plays the server through `handlers`. */
export class FakeChannel {
  handlers: HealthSocketHandlers | null = null;
  readonly connector = (_auth: unknown, handlers: HealthSocketHandlers) => {
    this.handlers = handlers;
    return { close: () => (this.handlers = null) };
  };
}

export function monitorHealth(overrides: Partial<MonitorHealth> = {}): MonitorHealth {
  return {
    monitor_id: 'm-x',
    name: 'X API',
    platform: 'twitter',
    probe_kind: 'platform-api',
    status: 'healthy',
    response_time: 180,
    http_status: 200,
    error_class: null,
    error_rate: 0,
    rate_limit_used: null,
    rate_limit_total: null,
    rate_limit_percent: null,
    last_check: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'i1',
    monitor_id: 'm-x',
    platform: 'twitter',
    kind: 'availability',
    status: 'open',
    severity: 'critical',
    peak_severity: 'critical',
    opened_at: '2026-11-25T09:50:00.000Z',
    resolved_at: null,
    message: 'X API is not answering',
    recommended_action: 'Pause scheduled posts to X',
    engine: 'builtin',
    ...overrides,
  };
}

export function monitor(overrides: Partial<Monitor> = {}): Monitor {
  return {
    id: 'm1',
    name: 'X status page',
    platform: 'twitter',
    kind: 'statuspage',
    url: 'https://status.x.example/api/v2/summary.json',
    method: 'GET',
    headers: {},
    has_access_token: false,
    expected_status: 200,
    components: ['API'],
    timeout_ms: 5000,
    interval_seconds: 300,
    enabled: true,
    is_default: true,
    next_check_at: '2026-11-25T10:05:00.000Z',
    created_at: '2026-11-20T10:00:00.000Z',
    updated_at: '2026-11-20T10:00:00.000Z',
    last_check: check(),
    ...overrides,
  };
}

export function check(overrides: Partial<MonitorCheck> = {}): MonitorCheck {
  return {
    id: '101',
    monitor_id: 'm1',
    checked_at: '2026-11-25T10:00:00.000Z',
    status: 'healthy',
    latency_ms: 120,
    http_status: 200,
    body_bytes: 512,
    error_class: null,
    error_message: null,
    rate_limit_used: null,
    rate_limit_total: null,
    rate_limit_percent: null,
    rate_limit_reset_at: null,
    ...overrides,
  };
}
