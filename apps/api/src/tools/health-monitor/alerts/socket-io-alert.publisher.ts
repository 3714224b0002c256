import { Injectable, Logger } from '@nestjs/common';
import type { HealthAlert, HealthStatusUpdate } from '@postprober/shared/health-events';
import type { AlertPublisher } from './alert-publisher.port';
import { HealthAlertsGateway } from './health-alerts.gateway';

/**
 * AlertPublisher over the /health-alerts Socket.IO namespace. Best effort by contract: it never throws into
 * the recorder (the alert is already stored; a client that misses it gets it on reconnect).
 */
@Injectable()
export class SocketIoAlertPublisher implements AlertPublisher {
  private readonly log = new Logger(SocketIoAlertPublisher.name);

  constructor(private readonly gateway: HealthAlertsGateway) {}

  publishAlerts(organizationId: string, alerts: HealthAlert[]): void {
    try {
      this.gateway.publishAlerts(organizationId, alerts);
    } catch (error) {
      this.log.warn({ msg: 'Failed to push alerts', organization_id: organizationId, count: alerts.length, err: String(error) });
    }
  }

  publishStatus(organizationId: string, status: HealthStatusUpdate): void {
    try {
      this.gateway.publishStatus(organizationId, status);
    } catch (error) {
      this.log.warn({ msg: 'Failed to push a status', organization_id: organizationId, err: String(error) });
    }
  }
}
