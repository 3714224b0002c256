import { HEALTH_ALERTS_NAMESPACE, type HealthAlert, type HealthHandshakeAuth, type HealthServerEvents, type HealthStatusUpdate } from '@postprober/shared/health-events';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { ALERT_PUBLISHER, type AlertPublisher } from '../../src/tools/health-monitor/alerts/alert-publisher.port';
import { AlertsStore, type NewAlert } from '../../src/tools/health-monitor/alerts/alerts.store';
import { waitFor } from '../support/polling';
import type { TestApp } from '../support/test-app';

/** A /health-alerts client that records what it receives. */
export interface AlertsClient {
  socket: Socket<HealthServerEvents>;
  alerts: HealthAlert[];
  statuses: HealthStatusUpdate[];
  /** Resolves once at least n alerts have arrived (rejects after timeoutMs). */
  waitForAlerts(n: number, timeoutMs?: number): Promise<HealthAlert[]>;
  close(): void;
}

/** Connects like the portal does (websocket only, no automatic reconnection); rejects with the connect_error. */
export function connectAlerts(t: Pick<TestApp, 'url'>, auth: HealthHandshakeAuth | Record<string, unknown>): Promise<AlertsClient> {
  const socket: Socket<HealthServerEvents> = io(t.url + HEALTH_ALERTS_NAMESPACE, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const alerts: HealthAlert[] = [];
  const statuses: HealthStatusUpdate[] = [];
  // Listen before connecting: a replay starts as soon as the server accepts the socket.
  socket.on('health_alert', (a) => alerts.push(a));
  socket.on('health_status', (s) => statuses.push(s));
  const client: AlertsClient = {
    socket,
    alerts,
    statuses,
    waitForAlerts: (n, timeoutMs = 5000) => waitFor(() => alerts.length >= n, () => `${n} alerts (got ${alerts.length})`, timeoutMs, 10).then(() => alerts),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

let sequence = 0;

/** What the recorder does: store the alert in a transaction, publish it after the commit. */
export async function raiseAlert(t: Pick<TestApp, 'app'>, organizationId: string, overrides: Partial<NewAlert> = {}): Promise<HealthAlert> {
  const alert = await storeAlert(t, organizationId, overrides);
  t.app.get<AlertPublisher>(ALERT_PUBLISHER).publishAlerts(organizationId, [alert]);
  return alert;
}

/** Only the transaction part of raiseAlert (the push is up to the caller). */
export function storeAlert(t: Pick<TestApp, 'app'>, organizationId: string, overrides: Partial<NewAlert> = {}): Promise<HealthAlert> {
  const store = t.app.get(AlertsStore);
  sequence += 1;
  return t.app.get(DataSource).transaction((manager) =>
    store.append(manager, {
      organizationId,
      type: 'opened',
      incidentId: '00000000-0000-4000-8000-000000000001',
      monitorId: '00000000-0000-4000-8000-000000000002',
      platform: 'twitter',
      kind: 'availability',
      severity: 'critical',
      message: `X API is down (${sequence})`,
      action: 'Pause scheduled posts to X',
      ...overrides,
    }),
  );
}
