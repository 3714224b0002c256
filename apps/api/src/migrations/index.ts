import { Foundation1764000000000 } from './1764000000000-foundation';
import { JobStatus1795572302079 } from './1795572302079-job-status';
import { LlmUsage1795572400000 } from './1795572400000-llm-usage';

/** Every migration, in order. Run at start-up (migrationsRun); never synchronize. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Foundation1764000000000, JobStatus1795572302079, LlmUsage1795572400000];
