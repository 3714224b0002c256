import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { databaseDriverKind } from '../../../core/database/data-source-options';
import { JOBS_PORT, JobsPort } from '../../../core/jobs/jobs.port';
import { JobsScheduler } from '../../../core/jobs/jobs.scheduler';
import { MonitorScheduleRepository } from './monitor-schedule.repository';

export const SCHEDULE_VACUUM_JOB = 'monitor-schedule-vacuum';
const EVERY_MS = 5 * 60_000;

/**
 * Every check rewrites its monitor's schedule row. PostgreSQL's autovacuum reclaims the dead versions; the
 * embedded PGlite has no autovacuum, so on it this job vacuums the table every 5 minutes (a plain VACUUM:
 * it takes no exclusive lock and the freed space is reused by the next rewrites).
 */
@Injectable()
export class ScheduleVacuum implements OnModuleInit {
  private readonly logger = new Logger('ScheduleVacuum');

  constructor(
    @Inject(JOBS_PORT) private readonly jobs: JobsPort,
    private readonly scheduler: JobsScheduler,
    private readonly schedule: MonitorScheduleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (databaseDriverKind(this.config) !== 'pglite') return;
    this.jobs.register({ name: SCHEDULE_VACUUM_JOB, handler: () => this.run() });
    this.scheduler.every(SCHEDULE_VACUUM_JOB, EVERY_MS, () => ({}));
  }

  async run(): Promise<void> {
    try {
      await this.schedule.vacuum();
    } catch (err) {
      this.logger.warn(`Could not vacuum monitor_schedule: ${(err as Error).message}`);
    }
  }
}
