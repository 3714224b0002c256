import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiConfiguration } from '@postprober/api-client';
import type {
  HealthAlert,
  HealthSeverity,
  HealthState,
  IncidentKind,
} from '@postprober/shared/health-events';
import { firstValueFrom } from 'rxjs';

/*
 * Every health-monitor call the portal makes, in one place. The shapes below mirror the API's DTOs
 * (apps/api/src/tools/health-monitor: dto/ and alerts/dto/) field for field (snake_case JSON). Each method is
 * named after its OpenAPI operationId —
 * listMonitors, getMonitor, createMonitor, updateMonitor, deleteMonitor, checkMonitorNow, getHealthStatus,
 * getHealthHistory, listIncidents, getIncident, listAlerts, markAlertsRead — so that once the spec is
 * regenerated each body becomes the generated function of the same name (`api.invoke(listMonitors)` or the
 * tag's service) and these types become aliases of the generated models; callers do not change.
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
  platform?: string;
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

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  listMonitors(): Promise<Monitor[]> {
    return this.get('/api/monitors');
  }

  getMonitor(id: string): Promise<Monitor> {
    return this.get(`/api/monitors/${encodeURIComponent(id)}`);
  }

  createMonitor(body: CreateMonitorBody): Promise<Monitor> {
    return firstValueFrom(this.http.post<Monitor>(this.url('/api/monitors'), body));
  }

  updateMonitor(id: string, body: UpdateMonitorBody): Promise<Monitor> {
    return firstValueFrom(this.http.patch<Monitor>(this.url(`/api/monitors/${encodeURIComponent(id)}`), body));
  }

  async deleteMonitor(id: string): Promise<void> {
    await firstValueFrom(this.http.delete(this.url(`/api/monitors/${encodeURIComponent(id)}`)));
  }

  checkMonitorNow(id: string): Promise<MonitorCheck> {
    return firstValueFrom(
      this.http.post<MonitorCheck>(this.url(`/api/monitors/${encodeURIComponent(id)}/check`), {}),
    );
  }

  getHealthStatus(): Promise<HealthStatusResponse> {
    return this.get('/api/health-status');
  }

  getHealthHistory(params: { monitor: string; hours?: number }): Promise<HealthHistoryResponse> {
    return this.get('/api/health-history', params);
  }

  listIncidents(params: ListIncidentsParams = {}): Promise<IncidentPage> {
    return this.get('/api/incidents', params);
  }

  getIncident(id: string): Promise<IncidentDetail> {
    return this.get(`/api/incidents/${encodeURIComponent(id)}`);
  }

  listAlerts(params: ListAlertsParams = {}): Promise<AlertsPage> {
    return this.get('/api/alerts', params);
  }

  markAlertsRead(body: { last_read_id: string }): Promise<AlertReadState> {
    return firstValueFrom(this.http.put<AlertReadState>(this.url('/api/alerts/read'), body));
  }

  private get<T>(path: string, query: object = {}): Promise<T> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<T>(this.url(path), { params }));
  }

  private url(path: string): string {
    return this.config.rootUrl + path;
  }
}
