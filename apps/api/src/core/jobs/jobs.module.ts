import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BullJobsAdapter } from './bull-jobs.adapter';
import { InProcessJobsAdapter } from './in-process-jobs.adapter';
import { JobRegistry } from './job-registry';
import { JobStatusEntity } from './job-status.entity';
import { JobStatusRepository } from './job-status.repository';
import { JOB_STATUS_STORE } from './job-status.store';
import { JobsController } from './jobs.controller';
import {
  BULL_BACKOFF_STRATEGY,
  DEFAULT_CONCURRENCY,
  JobsBackend,
  JobsQueue,
  retryDelayMs,
} from './jobs.constants';
import { JOBS_OPTIONS, JobsModuleOptions } from './jobs.options';
import { JOBS_PORT } from './jobs.port';
import { JobsScheduler } from './jobs.scheduler';
import { BullQueueHealth, InProcessQueueHealth, QueueHealth } from './queue-health';
import { LifecycleModule } from '../lifecycle/lifecycle.module';

/** Bull when Redis is configured, else the in-process runner. */
export function jobsBackendFor(config: Pick<AppConfig, 'redis'>): JobsBackend {
  return config.redis.url ? 'bull' : 'in-process';
}

/**
 * JOBS_PORT, JobsScheduler and QueueHealth for every module. The backend is an argument because it decides
 * which modules are imported, and imports are fixed before anything can be injected; connection details,
 * prefix and role still come from APP_CONFIG. Needs DatabaseModule (job_status via forFeature).
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: { backend: JobsBackend; concurrency?: number }): DynamicModule {
    const opts: JobsModuleOptions = { concurrency: DEFAULT_CONCURRENCY, ...options };
    const backend = opts.backend === 'bull' ? bullBackend() : inProcessBackend(opts);
    return {
      module: JobsModule,
      imports: [ScheduleModule.forRoot(), TypeOrmModule.forFeature([JobStatusEntity]), LifecycleModule, ...backend.imports],
      controllers: [JobsController],
      providers: [
        { provide: JOBS_OPTIONS, useValue: opts },
        { provide: JOB_STATUS_STORE, useClass: JobStatusRepository },
        JobRegistry,
        JobsScheduler,
        ...backend.providers,
      ],
      exports: [JOBS_PORT, JobsScheduler, QueueHealth],
    };
  }
}

function bullBackend(): { imports: DynamicModule[]; providers: Provider[] } {
  const root = BullModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      if (!config.redis.url) throw new Error('JobsModule: the "bull" backend needs REDIS_URL');
      return {
        url: config.redis.url,
        prefix: config.redis.queuePrefix,
        settings: {
          backoffStrategies: {
            [BULL_BACKOFF_STRATEGY]: (attemptsMade: number, _err: Error, o: { delay: number }) =>
              retryDelayMs(o.delay, attemptsMade),
          },
        },
      };
    },
  });
  return {
    imports: [root, BullModule.registerQueue({ name: JobsQueue.Default })],
    providers: [
      BullJobsAdapter,
      { provide: JOBS_PORT, useExisting: BullJobsAdapter },
      { provide: QueueHealth, useClass: BullQueueHealth },
    ],
  };
}

function inProcessBackend(opts: JobsModuleOptions): { imports: DynamicModule[]; providers: Provider[] } {
  return {
    imports: [],
    providers: [
      {
        provide: InProcessJobsAdapter,
        inject: [JobRegistry],
        useFactory: (registry: JobRegistry) => new InProcessJobsAdapter(registry, { concurrency: opts.concurrency }),
      },
      { provide: JOBS_PORT, useExisting: InProcessJobsAdapter },
      { provide: QueueHealth, useClass: InProcessQueueHealth },
    ],
  };
}
