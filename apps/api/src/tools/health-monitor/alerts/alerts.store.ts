import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { HealthAlert, HealthAlertType, HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { AlertRead } from './entities/alert-read.entity';
import { Alert } from './entities/alert.entity';

/** What the recorder knows when it raises an alert; the id and time are assigned here. */
export interface NewAlert {
  organizationId: string;
  type: HealthAlertType;
  incidentId: string;
  monitorId: string;
  platform: string;
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

/** The alerts log and each user's read marker. Ids are bigint decimal strings throughout. */
@Injectable()
export class AlertsStore {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(AlertRead) private readonly reads: Repository<AlertRead>,
  ) {}

  /**
   * Writes an alert inside the caller's transaction (the recorder's, with the incident change); publish it
   * after that commits. A per-organization lock held until commit makes an organization's alerts commit in
   * id order, so "everything after id X" never skips a row that a slower transaction commits later.
   */
  async append(manager: EntityManager, alert: NewAlert): Promise<HealthAlert> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AlertsStore.append must run inside a transaction (the one that records the incident)');
    }
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('alerts:' || $1, 0))`, [alert.organizationId]);
    const row = await manager.save(manager.create(Alert, alert));
    return toHealthAlert(row);
  }

  /** Alerts with an id above afterId (null: from the first), oldest first. */
  async after(organizationId: string, afterId: string | null, limit: number): Promise<HealthAlert[]> {
    const rows = await this.alerts.find({
      where: { organizationId, id: MoreThan(afterId ?? '0') },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map(toHealthAlert);
  }

  /** The newest alerts, newest first. */
  async latest(organizationId: string, limit: number): Promise<HealthAlert[]> {
    const rows = await this.alerts.find({ where: { organizationId }, order: { id: 'DESC' }, take: limit });
    return rows.map(toHealthAlert);
  }

  /** The organization's newest alert id, or null if it has none. */
  async newestId(organizationId: string): Promise<string | null> {
    const [row] = await this.alerts.query(`SELECT max("id")::text AS "id" FROM "alerts" WHERE "organization_id" = $1`, [organizationId]);
    return (row as { id: string | null } | undefined)?.id ?? null;
  }

  async readState(organizationId: string, userId: string): Promise<AlertReadState> {
    const marker = await this.reads.findOneBy({ organizationId, userId });
    const lastReadId = marker?.lastReadAlertId ?? null;
    return { lastReadId, unreadCount: await this.countAfter(organizationId, lastReadId) };
  }

  /**
   * Moves the user's marker to lastReadId ("mark all read"). It never moves backwards, and never past the
   * organization's newest alert (so a made-up id cannot hide alerts raised later).
   */
  async markRead(organizationId: string, userId: string, lastReadId: string): Promise<AlertReadState> {
    await this.reads.query(
      `INSERT INTO "alert_reads" ("organization_id", "user_id", "last_read_alert_id")
       SELECT $1, $2, LEAST($3::bigint, newest.id)
         FROM (SELECT max("id") AS id FROM "alerts" WHERE "organization_id" = $1) newest
        WHERE newest.id IS NOT NULL
       ON CONFLICT ("organization_id", "user_id") DO UPDATE
         SET "last_read_alert_id" = GREATEST("alert_reads"."last_read_alert_id", EXCLUDED."last_read_alert_id"),
             "updated_at" = now()`,
      [organizationId, userId, lastReadId],
    );
    return this.readState(organizationId, userId);
  }

  /** Alerts after the marker, counted up to UNREAD_COUNT_CAP. */
  private async countAfter(organizationId: string, afterId: string | null): Promise<number> {
    const [row] = await this.alerts.query(
      `SELECT count(*)::int AS "n" FROM (
         SELECT 1 FROM "alerts" WHERE "organization_id" = $1 AND "id" > $2::bigint ORDER BY "id" LIMIT $3
       ) unread`,
      [organizationId, afterId ?? '0', UNREAD_COUNT_CAP],
    );
    return (row as { n: number }).n;
  }
}
