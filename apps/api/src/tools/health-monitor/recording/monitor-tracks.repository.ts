import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IncidentKind } from '@postprober/shared/health-events';
import { Repository } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';
import { MonitorTrack } from '../entities/monitor-track.entity';

/** A track as written: every column but the relations. */
export type MonitorTrackRow = Omit<MonitorTrack, 'monitor' | 'organization' | 'openIncident'>;

/** The hysteresis tracks of each (monitor, incident kind); a kind without a row has an empty track. */
@Injectable()
export class MonitorTracksRepository {
  constructor(@InjectRepository(MonitorTrack) private readonly tracks: Repository<MonitorTrack>) {}

  /** The monitor's stored tracks by kind, unlocked (a prediction; the transaction reads them again locked). */
  read(monitorId: string): Promise<Map<IncidentKind, MonitorTrack>> {
    return this.byKind(this.tracks.createQueryBuilder('t').where('t.monitor_id = :monitorId', { monitorId }).getMany());
  }

  /**
   * Inside `tx`: waits for, then holds until `tx` ends, the monitor's recording lock (a transaction advisory
   * lock), so recordings of one monitor (a sweep and a "check now" at once) run one after the other.
   */
  async lockMonitor(tx: Tx, monitorId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('monitor-track:' || $1, 0))`, [monitorId]);
  }

  /** Inside `tx`: the monitor's stored tracks by kind, locked FOR UPDATE until `tx` ends. */
  readForUpdate(tx: Tx, monitorId: string): Promise<Map<IncidentKind, MonitorTrack>> {
    return this.byKind(
      tx.getRepository(MonitorTrack).createQueryBuilder('t').where('t.monitor_id = :monitorId', { monitorId }).setLock('pessimistic_write').getMany(),
    );
  }

  /** Inserts or overwrites tracks by (monitor, kind) inside `tx`. */
  async upsert(tx: Tx, rows: MonitorTrackRow[]): Promise<void> {
    if (rows.length) await tx.getRepository(MonitorTrack).upsert(rows, ['monitorId', 'kind']);
  }

  private async byKind(rows: Promise<MonitorTrack[]>): Promise<Map<IncidentKind, MonitorTrack>> {
    return new Map((await rows).map((r) => [r.kind, r]));
  }
}
