import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../../../organizations/entities/organization.entity';

/**
 * Marks an organization that already got its default status-page monitors, so deleting them does not
 * bring them back. Migration HealthMonitor1795580000000.
 */
@Entity('default_monitors_seeded')
export class DefaultMonitorsSeeded {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_default_monitors_seeded' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'default_monitors_seeded_organization_id_fkey' })
  organization?: Organization;

  @CreateDateColumn({ name: 'seeded_at', type: 'timestamptz' })
  seededAt: Date;
}
