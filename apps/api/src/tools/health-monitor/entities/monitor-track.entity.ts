import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import { Organization } from '../../../organizations/entities/organization.entity';
import { Incident } from './incident.entity';
import { Monitor } from './monitor.entity';

/** Hysteresis state of one (monitor, incident kind) between checks (IncidentTrack). Migration HealthMonitor1795580000000. */
@Entity('monitor_tracks')
export class MonitorTrack {
  @PrimaryColumn({ name: 'monitor_id', type: 'uuid', primaryKeyConstraintName: 'PK_monitor_tracks' })
  monitorId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_monitor_tracks' })
  kind: IncidentKind;

  @ManyToOne(() => Monitor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'monitor_tracks_monitor_id_fkey' })
  monitor?: Monitor;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'monitor_tracks_organization_id_fkey' })
  organization?: Organization;

  @Column({ name: 'bad_streak', type: 'integer', default: 0 })
  badStreak: number;

  @Column({ name: 'good_streak', type: 'integer', default: 0 })
  goodStreak: number;

  /** Worst severity in the current bad streak. */
  @Column({ name: 'streak_severity', type: 'text', nullable: true })
  streakSeverity: HealthSeverity | null;

  @Column({ name: 'lower_streak', type: 'integer', default: 0 })
  lowerStreak: number;

  /** Worst severity in the streak below the open severity (what a de-escalation goes to). */
  @Column({ name: 'lower_severity', type: 'text', nullable: true })
  lowerSeverity: HealthSeverity | null;

  @Column({ name: 'open_severity', type: 'text', nullable: true })
  openSeverity: HealthSeverity | null;

  @Column({ name: 'open_incident_id', type: 'uuid', nullable: true })
  openIncidentId: string | null;

  @ManyToOne(() => Incident, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'open_incident_id', foreignKeyConstraintName: 'monitor_tracks_open_incident_id_fkey' })
  openIncident?: Incident;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
