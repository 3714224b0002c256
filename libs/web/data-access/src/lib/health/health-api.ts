import { Injectable, inject } from '@angular/core';
import { HealthService } from '@postprober/api-client';
import type {
  HealthAlert,
  HealthSeverity,
  HealthState,
  IncidentKind,
} from '@postprober/shared/health-events';

/*
 * Every health-monitor call the portal makes, in one place, through the generated client (operationIds
 * listMonitors, getMonitor, createMonitor, updateMonitor, deleteMonitor, checkMonitorNow, getHealthStatus,
 * getHealthHistory, listIncidents, getIncident, listAlerts, markAlertsRead). The types below are the portal's
 * precise view of the DTOs (apps/api/src/tools/health-monitor: dto/ and alerts/dto/).
 */

export type MonitorPlatform = 'twitter' | 'linkedin' | 'instagram' | 'facebook' | 'custom';
export type MonitorKind = 'http' | 'platform-api' | 'statuspage';
export type MonitorMethod = 'GET' | 'HEAD' | 'POST';
/** overall_status never says unknown: with nothing checked yet it reads healthy. */
export type OverallHealthStatus = 'healthy' | 'degraded' | 'down';
export type IncidentStatus = 'open' | 'resolved';
export type IncidentEventType = 'opened' | 'escalated' | 'de-escalated' | 'resolved';

/** One row of GET /api/health-status `platforms`. */
export interface PlatformHealth {
  platform: string;
  status: HealthState;
  response_time: number | null;
  /** Percent of recent checks that failed. */
  error_rate: number | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  /** Percent of the quota used; null when the platform reported none. */
  rate_limit_percent: number | null;
  last_check: string | null;
  /** Enabled monitors behind this row. */
  monitors: number;
}

/** One row of GET /api/health-status `monitors` (the fields of the health_status socket event). */
export interface MonitorHealth {
  monitor_id: string;
  name: string;
  platform: string;
  status: HealthState;
  response_time: number | null;
  http_status: number | null;
  error_class: string | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  last_check: string | null;
}

export interface HealthStatusResponse {
  platforms: PlatformHealth[];
  overall_status: OverallHealthStatus;
  last_updated: string;
  monitors: MonitorHealth[];
}

export interface HealthHistoryPoint {
  checked_at: string;
  status: HealthState;
  latency_ms: number | null;
  http_status: number | null;
}

export interface HealthHistoryResponse {
  monitor_id: string;
  hours: number;
  /** Oldest first. */
  series: HealthHistoryPoint[];
}

export interface Incident {
  id: string;
  monitor_id: string;
  platform: string;
  kind: IncidentKind;
  status: IncidentStatus;
  severity: HealthSeverity;
  peak_severity: HealthSeverity;
  opened_at: string;
  resolved_at: string | null;
  message: string;
  recommended_action: string;
  /** Who wrote message and action: openai, or builtin templates. */
  engine: string;
}

export interface IncidentEvent {
  id: string;
  type: IncidentEventType;
  severity: HealthSeverity;
  message: string;
  created_at: string;
}

export interface IncidentDetail extends Incident {
  events: IncidentEvent[];
}

export interface IncidentPage {
  items: Incident[];
  total: number;
  page: number;
  page_size: number;
}

export interface ListIncidentsParams {
  status?: IncidentStatus;
  platform?: MonitorPlatform;
  page?: number;
  page_size?: number;
}

/** One recorded probe result: a monitor's last_check, and the answer of POST /api/monitors/:id/check. */
export interface MonitorCheck {
  id: string;
  monitor_id: string;
  checked_at: string;
  status: HealthState;
  latency_ms: number | null;
  http_status: number | null;
  body_bytes: number | null;
  /** timeout, dns, connection, tls, blocked-address, http-status, credentials, rate-limited, bad-response; null when fine. */
  error_class: string | null;
  error_message: string | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  rate_limit_percent: number | null;
  rate_limit_reset_at: string | null;
}

export interface Monitor {
  id: string;
  name: string;
  platform: MonitorPlatform;
  kind: MonitorKind;
  url: string;
  method: MonitorMethod;
  headers: Record<string, string>;
  /** The access token itself is write-only. */
  has_access_token: boolean;
  expected_status: number;
  components: string[];
  timeout_ms: number;
  interval_seconds: number;
  enabled: boolean;
  is_default: boolean;
  next_check_at: string;
  created_at: string;
  updated_at: string;
  last_check: MonitorCheck | null;
}

export interface CreateMonitorBody {
  name: string;
  platform: MonitorPlatform;
  kind: MonitorKind;
  url: string;
  method?: MonitorMethod;
  headers?: Record<string, string>;
  /** Write-only. On update: absent keeps the stored token, null removes it. */
  access_token?: string | null;
  expected_status?: number;
  components?: string[];
  timeout_ms?: number;
  interval_seconds?: number;
  enabled?: boolean;
}

/** PATCH: only the fields sent change; an absent access_token keeps the stored one. */
export type UpdateMonitorBody = Partial<CreateMonitorBody>;

export interface AlertsPage {
  /** With `after`: the alerts after it, oldest first. Without: the latest, newest first. */
  alerts: HealthAlert[];
  has_more: boolean;
  /** The caller's read marker (alerts with a greater id are unread); null if never marked or for an API key. */
  last_read_id: string | null;
  /** Counted up to 1000; null for an API key. */
  unread_count: number | null;
}

export interface AlertReadState {
  last_read_id: string | null;
  unread_count: number;
}

export interface ListAlertsParams {
  after?: string;
  limit?: number;
}

/**
 * The generated client's health service, with the portal's names for its types. Every return type below is
 * checked by the compiler against the generated model, so spec drift breaks the build, not the page.
 */
@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly health = inject(HealthService);

  listMonitors(): Promise<Monitor[]> {
    return this.health.listMonitors();
  }

  getMonitor(id: string): Promise<Monitor> {
    return this.health.getMonitor({ id });
  }

  createMonitor(body: CreateMonitorBody): Promise<Monitor> {
    return this.health.createMonitor({ body });
  }

  updateMonitor(id: string, body: UpdateMonitorBody): Promise<Monitor> {
    return this.health.updateMonitor({ id, body });
  }

  async deleteMonitor(id: string): Promise<void> {
    await this.health.deleteMonitor({ id });
  }

  checkMonitorNow(id: string): Promise<MonitorCheck> {
    return this.health.checkMonitorNow({ id });
  }

  getHealthStatus(): Promise<HealthStatusResponse> {
    return this.health.getHealthStatus();
  }

  getHealthHistory(params: { monitor: string; hours?: number }): Promise<HealthHistoryResponse> {
    return this.health.getHealthHistory(params);
  }

  listIncidents(params: ListIncidentsParams = {}): Promise<IncidentPage> {
    return this.health.listIncidents(params);
  }

  getIncident(id: string): Promise<IncidentDetail> {
    return this.health.getIncident({ id });
  }

  listAlerts(params: ListAlertsParams = {}): Promise<AlertsPage> {
    return this.health.listAlerts(params);
  }

  markAlertsRead(body: { last_read_id: string }): Promise<AlertReadState> {
    return this.health.markAlertsRead({ body });
  }
}
