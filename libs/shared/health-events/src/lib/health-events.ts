import type { MonitorPlatform } from '@postprober/shared/platforms';
import type { MonitorHealthRow } from './health-rows';

/**
 * The Socket.IO contract of the health alerts channel, shared by the API gateway and the web client.
 * Field names follow the design sketch (platform, severity, message, action, timestamp).
 */

/** Socket.IO namespace of the alerts channel (same port as the API). */
export const HEALTH_ALERTS_NAMESPACE = '/health-alerts';

export type HealthSeverity = 'info' | 'warning' | 'critical';
export type HealthState = 'healthy' | 'degraded' | 'down' | 'unknown';
export type IncidentKind = 'availability' | 'credentials' | 'rate-limit' | 'monitoring';
/** What happened to the incident this alert is about. */
export type HealthAlertType = 'opened' | 'escalated' | 'resolved';

/** One alert, as stored (alerts table) and as pushed. `id` increases in the order alerts were raised. */
export interface HealthAlert {
  /** Decimal string of a bigint sequence: compare with BigInt(), never as text. */
  id: string;
  type: HealthAlertType;
  incident_id: string;
  monitor_id: string;
  platform: MonitorPlatform;
  kind: IncidentKind;
  severity: HealthSeverity;
  message: string;
  action: string;
  /** ISO 8601 time the alert was raised. */
  timestamp: string;
}

/**
 * Latest state of one monitor, pushed after each check: the same row GET /api/health-status lists under
 * `monitors`, so the portal re-derives platform rows with the same summarizeHealth().
 */
export interface HealthStatusUpdate extends MonitorHealthRow {
  last_check: string;
}

/** Events the server emits on HEALTH_ALERTS_NAMESPACE. */
export interface HealthServerEvents {
  health_alert: (alert: HealthAlert) => void;
  health_status: (status: HealthStatusUpdate) => void;
}

/** Events a client may emit (none besides the handshake today). */
export type HealthClientEvents = Record<string, never>;

/**
 * The handshake `auth` object. One of token (a portal JWT) or apiKey; lastAlertId asks for everything
 * raised after that id, delivered in order before live alerts.
 */
export interface HealthHandshakeAuth {
  token?: string;
  apiKey?: string;
  lastAlertId?: string;
}

/** Orders alert ids (bigint decimal strings). */
export function compareAlertIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
