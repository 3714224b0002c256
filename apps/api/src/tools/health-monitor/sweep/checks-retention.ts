import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { JOBS_PORT, JobsPort } from '../../../core/jobs/jobs.port';
import { JobsScheduler } from '../../../core/jobs/jobs.scheduler';
import { HealthChecksRepository } from '../recording/health-checks.repository';

export const CHECKS_RETENTION_JOB = 'health-checks-retention';
const HOUR_MS = 3_600_000;
/** Rows per DELETE: keeps each statement (and its locks) short on a large backlog. */
const BATCH = 5_000;

/**
 * Every check is stored, so without this the table grows forever. Deletes, per organization (its
 * (organization_id, checked_at) index), the checks older than HEALTH_CHECKS_RETENTION_DAYS. Incidents, their
 * events and alerts are history and are kept.
 */
@Injectable()
export class ChecksRetention implements OnModuleInit {
  private readonly logger = new Logger('HealthChecksRetention');

  constructor(
    @Inject(JOBS_PORT) private readonly jobs: JobsPort,
    private readonly scheduler: JobsScheduler,
    private readonly checks: HealthChecksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: CHECKS_RETENTION_JOB, handler: () => this.purge().then(() => undefined) });
    this.scheduler.every(CHECKS_RETENTION_JOB, HOUR_MS, () => ({}));
  }

  /** Returns how many checks were deleted. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.health.checksRetentionDays * 24 * HOUR_MS);
    const deleted = await this.checks.deleteOlderThan(cutoff, BATCH);
    if (deleted > 0) this.logger.log(`Deleted ${deleted} health checks older than ${cutoff.toISOString()}`);
    return deleted;
  }
}
