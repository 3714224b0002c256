import { Injectable, inject } from '@angular/core';
import {
  HealthService,
  type AlertReadStateResponseDto,
  type AlertsResponseDto,
  type CreateMonitorDto,
  type HealthCheckResponseDto,
  type HealthHistoryPointDto,
  type HealthHistoryResponseDto,
  type HealthStatusResponseDto,
  type IncidentDetailResponseDto,
  type IncidentEventResponseDto,
  type IncidentListResponseDto,
  type IncidentResponseDto,
  type ListAlerts$Params,
  type ListIncidents$Params,
  type MonitorHealthDto,
  type MonitorResponseDto,
  type PlatformHealthDto,
  type UpdateMonitorDto,
} from '@postprober/api-client';

/*
 * Every health-monitor call the portal makes, in one place, through the generated client (operationIds
 * listMonitors, getMonitor, createMonitor, updateMonitor, deleteMonitor, checkMonitorNow, getHealthStatus,
 * getHealthHistory, listIncidents, getIncident, listAlerts, markAlertsRead). The types are the generated models under
 * the portal's names.
 */

export type {
  IncidentEventType,
  IncidentStatus,
  MonitorMethod,
  MonitorPlatform,
  OverallHealthStatus,
  ProbeKind as MonitorKind,
} from '@postprober/api-client';

// The portal's names for the generated models (never hand-copied: a spec change shows up here at compile time).
export type PlatformHealth = PlatformHealthDto;
/** One row of GET /api/health-status `monitors` (the fields of the health_status socket event). */
export type MonitorHealth = MonitorHealthDto;
export type HealthStatusResponse = HealthStatusResponseDto;
export type HealthHistoryPoint = HealthHistoryPointDto;
export type HealthHistoryResponse = HealthHistoryResponseDto;
export type Incident = IncidentResponseDto;
export type IncidentEvent = IncidentEventResponseDto;
export type IncidentDetail = IncidentDetailResponseDto;
export type IncidentPage = IncidentListResponseDto;
export type ListIncidentsParams = ListIncidents$Params;
/** One recorded probe result: a monitor's last_check, and the answer of POST /api/monitors/:id/check. */
export type MonitorCheck = HealthCheckResponseDto;
export type Monitor = MonitorResponseDto;
/** access_token is write-only. */
export type CreateMonitorBody = CreateMonitorDto;
/** PATCH: only the fields sent change; an absent access_token keeps the stored one, null removes it. */
export type UpdateMonitorBody = UpdateMonitorDto;
/** With `after`: the alerts after it, oldest first. Without: the latest, newest first. */
export type AlertsPage = AlertsResponseDto;
export type AlertReadState = AlertReadStateResponseDto;
export type ListAlertsParams = ListAlerts$Params;

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
