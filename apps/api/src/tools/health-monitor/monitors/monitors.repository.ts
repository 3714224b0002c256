import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';
import { DefaultMonitorsSeeded } from '../entities/default-monitors-seeded.entity';
import { Monitor } from '../entities/monitor.entity';
import { MonitorScheduleRepository } from '../sweep/monitor-schedule.repository';

/** What a new monitor is created with; columns left out take their database defaults. */
export type NewMonitor = Omit<Monitor, 'id' | 'organization' | 'schedule' | 'createdAt' | 'updatedAt' | 'enabled' | 'timeoutMs' | 'intervalSeconds' | 'expectedStatus'> &
  Partial<Pick<Monitor, 'enabled' | 'timeoutMs' | 'intervalSeconds' | 'expectedStatus'>> & {
    /** Its first slot; default: now (checked on the next sweep). */
    firstDueAt?: Date;
  };

/** A change of a monitor's next slot that comes with an update. */
export interface Reschedule {
  dueAt: Date;
  /** Only when earlier than the slot it has. */
  onlyEarlier: boolean;
}

/** Monitors (each with its schedule row) and the marker of which organizations got their default monitors. */
@Injectable()
export class MonitorsRepository {
  constructor(
    @InjectRepository(Monitor) private readonly monitors: Repository<Monitor>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedule: MonitorScheduleRepository,
  ) {}

  /** The organization's monitors, oldest first, with their schedules. */
  listFor(organizationId: string): Promise<Monitor[]> {
    return this.monitors.find({ where: { organizationId }, relations: { schedule: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The organization's monitor with its schedule, or null (another organization's is none of its business). */
  findOne(organizationId: string, id: string): Promise<Monitor | null> {
    return this.monitors.findOne({ where: { id, organizationId }, relations: { schedule: true } });
  }

  /** Monitors by id, of any organization (the sweep's claimed ones), without schedules. */
  findByIds(ids: string[]): Promise<Monitor[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.monitors.findBy({ id: In(ids) });
  }

  exists(organizationId: string, id: string): Promise<boolean> {
    return this.monitors.existsBy({ id, organizationId });
  }

  countFor(organizationId: string): Promise<number> {
    return this.monitors.countBy({ organizationId });
  }

  /** Inserts a monitor and its schedule row; returns it as stored, with its schedule. */
  async create(monitor: NewMonitor): Promise<Monitor> {
    const [created] = await this.db.transaction((tx) => this.createMany(tx, [monitor]));
    return (await this.findOne(created.organizationId, created.id)) as Monitor;
  }

  /** Writes the changed fields of a monitor read earlier, and moves its next slot if asked; returns it as stored. */
  async save(monitor: Monitor, reschedule?: Reschedule): Promise<Monitor> {
    await this.db.transaction(async (tx) => {
      // The schedule is its own row: saving the monitor must not touch it.
      const columns: Partial<Monitor> = { ...monitor };
      delete columns.schedule;
      await tx.save(Monitor, columns);
      if (reschedule) await this.schedule.reschedule(tx, monitor.id, reschedule.dueAt, reschedule.onlyEarlier);
    });
    return (await this.findOne(monitor.organizationId, monitor.id)) as Monitor;
  }

  /** Deletes the organization's monitor (its checks, tracks and incidents cascade); false when there was none. */
  async delete(organizationId: string, id: string): Promise<boolean> {
    const result = await this.monitors.delete({ id, organizationId });
    return !!result.affected;
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

  /** Inserts monitors and their schedule rows inside `tx`. */
  async createMany(tx: Tx, monitors: NewMonitor[]): Promise<Monitor[]> {
    const now = new Date();
    const created = await tx.save(
      monitors.map((m) => {
        const columns: Omit<NewMonitor, 'firstDueAt'> & { firstDueAt?: Date } = { ...m };
        delete columns.firstDueAt;
        return tx.create(Monitor, columns);
      }),
    );
    await this.schedule.insert(
      tx,
      created.map((m, i) => ({ monitorId: m.id, organizationId: m.organizationId, dueAt: monitors[i].firstDueAt ?? now })),
    );
    return created;
  }
}
