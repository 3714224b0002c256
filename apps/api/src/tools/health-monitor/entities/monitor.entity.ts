import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../../../organizations/entities/organization.entity';
import type { MonitorPlatform, ProbeKind } from '../probes/platform-probe.port';
import { MonitorSchedule } from './monitor-schedule.entity';

export type MonitorMethod = 'GET' | 'HEAD' | 'POST';

/** One target an organization watches. Created by migration HealthMonitor1795580000000. */
@Entity('monitors')
@Index('monitors_organization_id_idx', ['organizationId'])
export class Monitor {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_monitors' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'monitors_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  platform: MonitorPlatform;

  @Column({ type: 'text' })
  kind: ProbeKind;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', default: 'GET' })
  method: MonitorMethod;

  /** Non-secret request headers; an access token lives encrypted in accessTokenEncrypted. */
  @Column({ type: 'jsonb', default: {} })
  headers: Record<string, string>;

  /** AES-256-GCM (see token-cipher.ts); null when the monitor has no token. */
  @Column({ name: 'access_token_encrypted', type: 'text', nullable: true })
  accessTokenEncrypted: string | null;

  @Column({ name: 'expected_status', type: 'integer', default: 200 })
  expectedStatus: number;

  /** Statuspage component names to watch; empty: the page's overall indicator only. */
  @Column({ type: 'text', array: true, default: '{}' })
  components: string[];

  @Column({ name: 'timeout_ms', type: 'integer', default: 5000 })
  timeoutMs: number;

  @Column({ name: 'interval_seconds', type: 'integer', default: 300 })
  intervalSeconds: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** One of the status-page monitors every organization gets. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  /** When it is next due and who checks it now (loaded by the repository's reads; one row per monitor). */
  @OneToOne(() => MonitorSchedule, (s) => s.monitor)
  schedule?: MonitorSchedule;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
