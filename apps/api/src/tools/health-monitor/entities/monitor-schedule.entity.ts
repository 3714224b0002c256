import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../../../organizations/entities/organization.entity';
import { Monitor } from './monitor.entity';

/**
 * When a monitor is next due, who is checking it now, and the newest check recorded. Kept out of the wide
 * monitor row because it changes on every check. Migration MonitorSchedule1795590000000.
 */
@Entity('monitor_schedule')
@Index('monitor_schedule_due_at_idx', ['dueAt'])
export class MonitorSchedule {
  @PrimaryColumn({ name: 'monitor_id', type: 'uuid', primaryKeyConstraintName: 'PK_monitor_schedule' })
  monitorId: string;

  @OneToOne(() => Monitor, (m) => m.schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'monitor_schedule_monitor_id_fkey' })
  monitor?: Monitor;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'monitor_schedule_organization_id_fkey' })
  organization?: Organization;

  /** The next slot: slots are fixed-rate (previous slot + interval), and slots already past are skipped. */
  @Column({ name: 'due_at', type: 'timestamptz', default: () => 'now()' })
  dueAt: Date;

  /** Set while a process checks the monitor; nobody else claims it until this passes (its process died). */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** Which claim holds the lease: only it may release it. */
  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken: string | null;

  /** checked_at of the newest recorded check: a result older than this is late and dropped. */
  @Column({ name: 'last_checked_at', type: 'timestamptz', nullable: true })
  lastCheckedAt: Date | null;
}
