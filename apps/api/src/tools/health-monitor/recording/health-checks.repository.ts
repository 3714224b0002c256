import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual, Repository } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';
import { NOT_PLATFORM_FAILURES } from '../deciding/baseline';
import { HealthCheck } from '../entities/health-check.entity';
import type { Monitor } from '../entities/monitor.entity';

/** The columns a check is stored with; the id comes from the database. */
export type NewHealthCheck = Omit<HealthCheck, 'id' | 'organization' | 'monitor'>;

/** What the baseline reads of an earlier check. */
export type CheckSampleRow = Pick<HealthCheck, 'latencyMs' | 'errorClass' | 'status'>;

/** One point of a monitor's history. */
export type HistoryPoint = Pick<HealthCheck, 'checkedAt' | 'status' | 'latencyMs' | 'httpStatus'>;

/** An enabled monitor with its newest check (nulls: none yet) and how many of its recent checks failed. */
export interface MonitorStatusRow {
  id: string;
  name: string;
  platform: Monitor['platform'];
  kind: Monitor['kind'];
  interval_seconds: number;
  checked_at: Date | null;
  status: HealthCheck['status'] | null;
  latency_ms: number | null;
  http_status: number | null;
  error_class: string | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  rate_limit_percent: number | null;
  /** Recent checks counted (at most `recentChecks`). */
  checks: number;
  /** Of those, the ones that count as a platform failure (errors in NOT_PLATFORM_FAILURES never do). */
  failed: number;
}

/** Every stored probe result (health_checks). */
@Injectable()
export class HealthChecksRepository {
  constructor(
    @InjectRepository(HealthCheck) private readonly checks: Repository<HealthCheck>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Stores one check inside the caller's transaction. */
  insert(tx: Tx, row: NewHealthCheck): Promise<HealthCheck> {
    return tx.save(tx.create(HealthCheck, row));
  }

  /** The newest check of each monitor (one query); a monitor without checks has no entry. */
  async latestPerMonitor(monitorIds: string[]): Promise<Map<string, HealthCheck>> {
    if (monitorIds.length === 0) return new Map();
    const rows = await this.checks
      .createQueryBuilder('c')
      .distinctOn(['c.monitor_id'])
      .where({ monitorId: In(monitorIds) })
      .orderBy('c.monitor_id')
      .addOrderBy('c.checked_at', 'DESC')
      .getMany();
    return new Map(rows.map((c) => [c.monitorId, c]));
  }

  /** A monitor's newest `limit` checks, newest first (what the baseline learns from). */
  recent(monitorId: string, limit: number): Promise<CheckSampleRow[]> {
    return this.checks.find({
      select: { latencyMs: true, errorClass: true, status: true },
      where: { monitorId },
      order: { checkedAt: 'DESC' },
      take: limit,
    });
  }

  /** A monitor's checks since `since`, oldest first; past `limit` points the newest `limit` are kept. */
  async history(monitorId: string, since: Date, limit: number): Promise<HistoryPoint[]> {
    const rows = await this.checks.find({
      select: { checkedAt: true, status: true, latencyMs: true, httpStatus: true },
      where: { monitorId, checkedAt: MoreThanOrEqual(since) },
      order: { checkedAt: 'DESC' },
      take: limit,
    });
    return rows.reverse();
  }

  /**
   * Deletes every organization's checks older than `cutoff`, per organization (its (organization_id,
   * checked_at) index) and at most `batch` rows per statement, so each DELETE and its locks stay short.
   * Returns how many were deleted.
   */
  async deleteOlderThan(cutoff: Date, batch: number): Promise<number> {
    const orgs: { id: string }[] = await this.db.query('SELECT "id" FROM "organizations"');
    let deleted = 0;
    for (const { id } of orgs) {
      for (;;) {
        const [, count] = (await this.db.query(
          `DELETE FROM "health_checks" WHERE "id" IN (
             SELECT "id" FROM "health_checks" WHERE "organization_id" = $1 AND "checked_at" < $2 LIMIT $3)`,
          [id, cutoff, batch],
        )) as [unknown, number];
        deleted += count;
        if (count < batch) break;
      }
    }
    return deleted;
  }

  /**
   * The organization's enabled monitors (oldest first) with each one's newest check and, over its last
   * `recentChecks` checks, how many there are and how many count as platform failures.
   */
  statusSnapshot(organizationId: string, recentChecks: number): Promise<MonitorStatusRow[]> {
    return this.db.query(
      `SELECT m."id", m."name", m."platform", m."kind", m."interval_seconds",
              c."checked_at", c."status", c."latency_ms", c."http_status", c."error_class",
              c."rate_limit_used", c."rate_limit_total", c."rate_limit_percent",
              r."checks", r."failed"
         FROM "monitors" m
         LEFT JOIN LATERAL (
           SELECT * FROM "health_checks" h WHERE h."monitor_id" = m."id" ORDER BY h."checked_at" DESC LIMIT 1
         ) c ON true
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS "checks", count(*) FILTER (WHERE x."error_class" <> ALL($2))::int AS "failed"
             FROM (SELECT "error_class" FROM "health_checks" h WHERE h."monitor_id" = m."id"
                    ORDER BY h."checked_at" DESC LIMIT $3) x
         ) r ON true
        WHERE m."organization_id" = $1 AND m."enabled"
        ORDER BY m."created_at", m."id"`,
      [organizationId, NOT_PLATFORM_FAILURES, recentChecks],
    );
  }
}
