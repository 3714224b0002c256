import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';
import { AlertRead } from './entities/alert-read.entity';
import { Alert } from './entities/alert.entity';

/** The columns a new alert row is written with; id and created_at come from the database. */
export type NewAlertRow = Pick<Alert, 'organizationId' | 'type' | 'incidentId' | 'monitorId' | 'platform' | 'kind' | 'severity' | 'message' | 'action'>;

/** The alerts log and each user's read marker. Ids are bigint decimal strings throughout. */
@Injectable()
export class AlertsRepository {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(AlertRead) private readonly reads: Repository<AlertRead>,
  ) {}

  /**
   * Writes an alert inside the caller's transaction. A per-organization lock held until commit makes an
   * organization's alerts commit in id order, so "everything after id X" never skips a row that a slower
   * transaction commits later.
   */
  async append(tx: Tx, alert: NewAlertRow): Promise<Alert> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('AlertsRepository.append must run inside a transaction (the one that records the incident)');
    }
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('alerts:' || $1, 0))`, [alert.organizationId]);
    return tx.save(tx.create(Alert, alert));
  }

  /** Alerts with an id above afterId (null: from the first), oldest first. */
  after(organizationId: string, afterId: string | null, limit: number): Promise<Alert[]> {
    return this.alerts.find({ where: { organizationId, id: MoreThan(afterId ?? '0') }, order: { id: 'ASC' }, take: limit });
  }

  /** The newest alerts, newest first. */
  latest(organizationId: string, limit: number): Promise<Alert[]> {
    return this.alerts.find({ where: { organizationId }, order: { id: 'DESC' }, take: limit });
  }

  /** The organization's newest alert id, or null if it has none. */
  async newestId(organizationId: string): Promise<string | null> {
    const [row] = await this.alerts.query(`SELECT max("id")::text AS "id" FROM "alerts" WHERE "organization_id" = $1`, [organizationId]);
    return (row as { id: string | null } | undefined)?.id ?? null;
  }

  /** The user's read marker (null: never marked). */
  async readMarker(organizationId: string, userId: string): Promise<string | null> {
    const marker = await this.reads.findOneBy({ organizationId, userId });
    return marker?.lastReadAlertId ?? null;
  }

  /** Moves the marker to lastReadId, never backwards and never past the organization's newest alert. */
  async moveReadMarker(organizationId: string, userId: string, lastReadId: string): Promise<void> {
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
  }

  /** Alerts after afterId (null: all), counted up to `cap` (an index range scan, however many there are). */
  async countAfter(organizationId: string, afterId: string | null, cap: number): Promise<number> {
    const [row] = await this.alerts.query(
      `SELECT count(*)::int AS "n" FROM (
         SELECT 1 FROM "alerts" WHERE "organization_id" = $1 AND "id" > $2::bigint ORDER BY "id" LIMIT $3
       ) unread`,
      [organizationId, afterId ?? '0', cap],
    );
    return (row as { n: number }).n;
  }
}
