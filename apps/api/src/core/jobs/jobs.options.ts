import type { JobsBackend } from './jobs.constants';

export interface JobsModuleOptions {
  /** Chosen when the module graph is built: `jobsBackendFor(config)`. */
  backend: JobsBackend;
  /** Handlers run at once per process (default 4). */
  concurrency: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
