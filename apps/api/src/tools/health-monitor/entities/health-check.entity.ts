import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthState } from '@postprober/shared/health-events';
import { Organization } from '../../../organizations/entities/organization.entity';
import type { ProbeErrorClass } from '../probes/platform-probe.port';
import { Monitor } from './monitor.entity';

/**
 * Every probe result, one row per monitor and check. Created by migration HealthMonitor1795580000000, which
 * also makes the (monitor_id, checked_at DESC) index declared here without synchronizing.
 */
@Entity('health_checks')
@Index('health_checks_monitor_id_checked_at_idx', { synchronize: false })
@Index('health_checks_organization_id_checked_at_idx', ['organizationId', 'checkedAt'])
export class HealthCheck {
  /** bigint: TypeORM hands it over as a decimal string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_health_checks' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'health_checks_organization_id_fkey' })
  organization?: Organization;

  @Column({ name: 'monitor_id', type: 'uuid' })
  monitorId: string;

  @ManyToOne(() => Monitor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'health_checks_monitor_id_fkey' })
  monitor?: Monitor;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;

  @Column({ type: 'text' })
  status: HealthState;

  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs: number | null;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  @Column({ name: 'body_bytes', type: 'integer', nullable: true })
  bodyBytes: number | null;

  @Column({ name: 'error_class', type: 'text', nullable: true })
  errorClass: ProbeErrorClass | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'rate_limit_used', type: 'integer', nullable: true })
  rateLimitUsed: number | null;

  @Column({ name: 'rate_limit_total', type: 'integer', nullable: true })
  rateLimitTotal: number | null;

  @Column({ name: 'rate_limit_percent', type: 'real', nullable: true })
  rateLimitPercent: number | null;

  @Column({ name: 'rate_limit_reset_at', type: 'timestamptz', nullable: true })
  rateLimitResetAt: Date | null;
}
