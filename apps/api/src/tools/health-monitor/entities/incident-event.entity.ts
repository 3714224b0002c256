import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthSeverity } from '@postprober/shared/health-events';
import { Organization } from '../../../organizations/entities/organization.entity';
import { Incident } from './incident.entity';

export type IncidentEventType = 'opened' | 'escalated' | 'de-escalated' | 'resolved';

/** The timeline of an incident. Migration HealthMonitor1795580000000. */
@Entity('incident_events')
@Index('incident_events_incident_id_idx', ['incidentId'])
export class IncidentEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_incident_events' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'incident_events_organization_id_fkey' })
  organization?: Organization;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'incident_events_incident_id_fkey' })
  incident?: Incident;

  @Column({ type: 'text' })
  type: IncidentEventType;

  /** Severity after the event (for resolved: the severity it had). */
  @Column({ type: 'text' })
  severity: HealthSeverity;

  @Column({ type: 'text' })
  message: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
