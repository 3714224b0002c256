import { Injectable, signal } from '@angular/core';
import type { HealthAlert } from '@postprober/shared/health-events';
import { platformLabel } from './health-display';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

/**
 * Desktop notifications for new alerts. Permission is only ever asked for from a user's click
 * (browsers ignore or penalise prompts on load).
 */
@Injectable({ providedIn: 'root' })
export class BrowserNotifications {
  private readonly state = signal<NotificationPermissionState>(currentPermission());
  readonly permission = this.state.asReadonly();

  async requestPermission(): Promise<NotificationPermissionState> {
    if (typeof Notification === 'undefined') return 'unsupported';
    this.state.set(await Notification.requestPermission());
    return this.state();
  }

  show(alert: HealthAlert): void {
    if (this.state() !== 'granted' || typeof Notification === 'undefined') return;
    // While the portal has the user's attention the bell shows the alert; notify only when it does not.
    if (document.visibilityState === 'visible' && document.hasFocus()) return;
    // One notification per incident: a later alert about it replaces the earlier one.
    new Notification(`${platformLabel(alert.platform)}: ${alert.severity}`, {
      body: alert.action ? `${alert.message}\n${alert.action}` : alert.message,
      tag: `incident-${alert.incident_id}`,
    });
  }
}

function currentPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}
