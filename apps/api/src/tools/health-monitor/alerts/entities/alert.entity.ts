import type { MonitorPlatform } from '@postprober/shared/platforms';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthAlertType, HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import { Organization } from '../../../../organizations/entities/organization.entity';

/**
 * One alert (an incident opened, escalated or resolved), in the order raised: the id is the cursor clients
 * resume from. A log, so it keeps the incident's fields and has no foreign key to the incident or monitor.
 * Created by migration HealthAlerts1795580100000.
 */
@Entity('alerts')
@Index('alerts_organization_id_id_idx', ['organizationId', 'id'])
export class Alert {
  /** bigint: TypeORM hands it over as a decimal string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_alerts' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'alerts_organization_id_fkey' })
  organization?: Organization;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Column({ name: 'monitor_id', type: 'uuid' })
  monitorId: string;

  @Column({ type: 'text' })
  type: HealthAlertType;

  @Column({ type: 'text' })
  platform: MonitorPlatform;

  @Column({ type: 'text' })
  kind: IncidentKind;

  @Column({ type: 'text' })
  severity: HealthSeverity;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text' })
  action: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
