import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last outcome and counters of each named job. A system table: not customer data, so no organization_id. */
@Entity({ name: 'job_status' })
export class JobStatusEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_job_status' })
  name: string;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', default: 0 })
  runs: number;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
