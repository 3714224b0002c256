import type { HealthAlert, HealthStatusUpdate } from '@postprober/shared/health-events';

/**
 * Pushes already-stored alerts to connected clients of one organization (Socket.IO gateway; with Redis,
 * to every process). Publishing is best effort: a client that misses it gets it on reconnect.
 */
export interface AlertPublisher {
  publishAlerts(organizationId: string, alerts: HealthAlert[]): void;
  publishStatus(organizationId: string, status: HealthStatusUpdate): void;
}

export const ALERT_PUBLISHER = Symbol('ALERT_PUBLISHER');
