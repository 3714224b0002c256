import { Foundation1764000000000 } from './1764000000000-foundation';
import { JobStatus1795572302079 } from './1795572302079-job-status';
import { LlmUsage1795572400000 } from './1795572400000-llm-usage';
import { AiResponseCache1795575797030 } from './1795575797030-ai-response-cache';
import { Drafts1795575810009 } from './1795575810009-drafts';
import { OrganizationSettings1795575856610 } from './1795575856610-organization-settings';
import { HealthMonitor1795580000000 } from './1795580000000-health-monitor';
import { HealthAlerts1795580100000 } from './1795580100000-health-alerts';
import { MonitorSchedule1795590000000 } from './1795590000000-monitor-schedule';

/** Every migration, in order. Run at start-up (openDataSource, under a lock on PostgreSQL); never synchronize. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Foundation1764000000000, JobStatus1795572302079, LlmUsage1795572400000, AiResponseCache1795575797030, Drafts1795575810009, OrganizationSettings1795575856610, HealthMonitor1795580000000, HealthAlerts1795580100000, MonitorSchedule1795590000000];
