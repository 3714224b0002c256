import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../../../../organizations/entities/organization.entity';
import { User } from '../../../../organizations/entities/user.entity';

/** How far one user has read the alerts ("mark all read"); alerts with a greater id are unread. Migration HealthAlerts1795580100000. */
@Entity('alert_reads')
export class AlertRead {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_alert_reads' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'alert_reads_organization_id_fkey' })
  organization?: Organization;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_alert_reads' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alert_reads_user_id_fkey' })
  user?: User;

  /** Only ever moves forward; a decimal string like Alert.id. */
  @Column({ name: 'last_read_alert_id', type: 'bigint' })
  lastReadAlertId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
