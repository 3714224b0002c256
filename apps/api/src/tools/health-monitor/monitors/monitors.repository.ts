import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';
import { DefaultMonitorsSeeded } from '../entities/default-monitors-seeded.entity';
import { Monitor } from '../entities/monitor.entity';

/** What a new monitor is created with; columns left out take their database defaults. */
export type NewMonitor = Omit<Monitor, 'id' | 'organization' | 'createdAt' | 'updatedAt' | 'nextCheckAt' | 'enabled' | 'timeoutMs' | 'intervalSeconds' | 'expectedStatus'> &
  Partial<Pick<Monitor, 'nextCheckAt' | 'enabled' | 'timeoutMs' | 'intervalSeconds' | 'expectedStatus'>>;

/** Monitors and the marker of which organizations got their default monitors. */
@Injectable()
export class MonitorsRepository {
  constructor(
    @InjectRepository(Monitor) private readonly monitors: Repository<Monitor>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The organization's monitors, oldest first. */
  listFor(organizationId: string): Promise<Monitor[]> {
    return this.monitors.find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The organization's monitor, or null (another organization's is none of its business). */
  findOne(organizationId: string, id: string): Promise<Monitor | null> {
    return this.monitors.findOneBy({ id, organizationId });
  }

  exists(organizationId: string, id: string): Promise<boolean> {
    return this.monitors.existsBy({ id, organizationId });
  }

  countFor(organizationId: string): Promise<number> {
    return this.monitors.countBy({ organizationId });
  }

  create(monitor: NewMonitor): Promise<Monitor> {
    return this.monitors.save(this.monitors.create(monitor));
  }

  /** Writes the changed fields of a monitor read earlier; returns it as stored. */
  save(monitor: Monitor): Promise<Monitor> {
    return this.monitors.save(monitor);
  }

  /** Deletes the organization's monitor (its checks, tracks and incidents cascade); false when there was none. */
  async delete(organizationId: string, id: string): Promise<boolean> {
    const result = await this.monitors.delete({ id, organizationId });
    return !!result.affected;
  }

  /**
   * Claims up to `limit` enabled, due monitors, most overdue first: their next_check_at moves one interval
   * ahead in the same statement. Rows another transaction holds are skipped (SKIP LOCKED), so overlapping
   * sweeps and processes never claim a monitor twice.
   */
  async claimDue(limit: number): Promise<Monitor[]> {
    // Wrapped in a SELECT so every driver returns plain rows (pg gives a bare UPDATE ... RETURNING as [rows, count]).
    const rows: { id: string }[] = await this.db.query(
      `WITH claimed AS (
         UPDATE "monitors" m
            SET "next_check_at" = now() + make_interval(secs => m."interval_seconds")
          WHERE m."id" IN (
            SELECT "id" FROM "monitors"
             WHERE "enabled" AND "next_check_at" <= now()
             ORDER BY "next_check_at"
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
         RETURNING m."id")
       SELECT "id" FROM claimed`,
      [limit],
    );
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    return this.monitors.findBy({ id: In(ids) });
  }

  /** Organizations that have no default-monitors marker yet. */
  async organizationsWithoutDefaults(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT o."id" FROM "organizations" o
        WHERE NOT EXISTS (SELECT 1 FROM "default_monitors_seeded" s WHERE s."organization_id" = o."id")`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Sets the organization's default-monitors marker inside `tx`; false when it was set already (by an
   * earlier seeding, or by a concurrent one that committed first: the insert waits for it).
   */
  async markDefaultsSeeded(tx: Tx, organizationId: string): Promise<boolean> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(DefaultMonitorsSeeded)
      .values({ organizationId })
      .orIgnore()
      .returning(['organizationId'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** Inserts monitors inside `tx`. */
  createMany(tx: Tx, monitors: NewMonitor[]): Promise<Monitor[]> {
    return tx.save(monitors.map((m) => tx.create(Monitor, m)));
  }
}
