import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import { Organization } from '../../../organizations/entities/organization.entity';
import { Monitor } from './monitor.entity';

export type IncidentStatus = 'open' | 'resolved';

/** A problem with one monitor, from the check that opened it to the one that resolved it. Migration HealthMonitor1795580000000. */
@Entity('incidents')
@Index('incidents_organization_id_opened_at_idx', ['organizationId', 'openedAt'])
@Index('incidents_monitor_id_status_idx', ['monitorId', 'status'])
export class Incident {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_incidents' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'incidents_organization_id_fkey' })
  organization?: Organization;

  @Column({ name: 'monitor_id', type: 'uuid' })
  monitorId: string;

  @ManyToOne(() => Monitor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'incidents_monitor_id_fkey' })
  monitor?: Monitor;

  /** Copied from the monitor when opened, so filtering by platform needs no join. */
  @Column({ type: 'text' })
  platform: string;

  @Column({ type: 'text' })
  kind: IncidentKind;

  @Column({ type: 'text' })
  status: IncidentStatus;

  /** Current severity (the last one while resolved). */
  @Column({ type: 'text' })
  severity: HealthSeverity;

  @Column({ name: 'peak_severity', type: 'text' })
  peakSeverity: HealthSeverity;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** At most 100 characters, written by the model or the templates. */
  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'recommended_action', type: 'text' })
  recommendedAction: string;

  /** Who wrote message and action: 'openai' or 'builtin' (templates). */
  @Column({ type: 'text' })
  engine: string;
}
