import type { MonitorPlatform } from '@postprober/shared/platforms';
import { Injectable } from '@nestjs/common';
import type { HealthAlert, HealthAlertType, HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { Tx } from '../../../core/database/transactions';
import { AlertsRepository } from './alerts.repository';
import type { Alert } from './entities/alert.entity';

/** What the recorder knows when it raises an alert; the id and time are assigned here. */
export interface NewAlert {
  organizationId: string;
  type: HealthAlertType;
  incidentId: string;
  monitorId: string;
  platform: MonitorPlatform;
  kind: IncidentKind;
  severity: HealthSeverity;
  message: string;
  action: string;
}

/** A user's read state: the marker (null: never marked) and how many alerts lie after it. */
export interface AlertReadState {
  lastReadId: string | null;
  unreadCount: number;
}

/** Unread alerts are counted up to this many (the bell shows "999+"), so the count stays an index range scan. */
export const UNREAD_COUNT_CAP = 1000;

export function toHealthAlert(row: Alert): HealthAlert {
  return {
    id: row.id,
    type: row.type,
    incident_id: row.incidentId,
    monitor_id: row.monitorId,
    platform: row.platform,
    kind: row.kind,
    severity: row.severity,
    message: row.message,
    action: row.action,
    timestamp: row.createdAt.toISOString(),
  };
}

/** The alerts log and each user's read marker, as the API and the gateway see them (rows in AlertsRepository). */
@Injectable()
export class AlertsStore {
  constructor(private readonly repo: AlertsRepository) {}

  /**
   * Writes an alert inside the caller's transaction (the recorder's, with the incident change); publish it
   * after that commits. Alerts of one organization commit in id order (see AlertsRepository.append).
   */
  async append(tx: Tx, alert: NewAlert): Promise<HealthAlert> {
    return toHealthAlert(await this.repo.append(tx, alert));
  }

  /** Alerts with an id above afterId (null: from the first), oldest first. */
  async after(organizationId: string, afterId: string | null, limit: number): Promise<HealthAlert[]> {
    return (await this.repo.after(organizationId, afterId, limit)).map(toHealthAlert);
  }

  /** The newest alerts, newest first. */
  async latest(organizationId: string, limit: number): Promise<HealthAlert[]> {
    return (await this.repo.latest(organizationId, limit)).map(toHealthAlert);
  }

  /** The organization's newest alert id, or null if it has none. */
  newestId(organizationId: string): Promise<string | null> {
    return this.repo.newestId(organizationId);
  }

  async readState(organizationId: string, userId: string): Promise<AlertReadState> {
    const lastReadId = await this.repo.readMarker(organizationId, userId);
    return { lastReadId, unreadCount: await this.repo.countAfter(organizationId, lastReadId, UNREAD_COUNT_CAP) };
  }

  /**
   * Moves the user's marker to lastReadId ("mark all read"). It never moves backwards, and never past the
   * organization's newest alert (so a made-up id cannot hide alerts raised later).
   */
  async markRead(organizationId: string, userId: string, lastReadId: string): Promise<AlertReadState> {
    await this.repo.moveReadMarker(organizationId, userId, lastReadId);
    return this.readState(organizationId, userId);
  }
}
