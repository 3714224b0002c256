import { Inject, Injectable, Logger, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { JOBS_PORT, JobsPort } from '../../../core/jobs/jobs.port';
import { JobsScheduler } from '../../../core/jobs/jobs.scheduler';
import { ShutdownState } from '../../../core/lifecycle/shutdown-state';
import { MetricsService } from '../../../core/metrics/metrics.service';
import type { HealthCheck } from '../entities/health-check.entity';
import type { Monitor } from '../entities/monitor.entity';
import { DefaultMonitors } from '../monitors/default-monitors';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { PLATFORM_PROBES, type PlatformProbe, type ProbeResult, type ProbeTarget } from '../probes/platform-probe.port';
import { HealthRecorder } from '../recording/health-recorder';
import { TokenCipher, TokenDecryptionError } from '../secrets/token-cipher';
import { runBounded } from './bounded-pool';
import { groupSharedTargets } from './shared-targets';

export const HEALTH_SWEEP_JOB = 'health-sweep';
/** Most monitors one sweep claims; the rest stay due for the next tick. */
const MAX_MONITORS_PER_SWEEP = 10_000;
/** A shared target's result is recorded for this many of its monitors at once (each is one transaction). */
const RECORDS_PER_GROUP = 8;
/** A probe must resolve within its timeout; past this much more, the sweep stops waiting for it. */
const PROBE_GRACE_MS = 5_000;

export interface SweepSummary {
  monitors: number;
  probes: number;
  failed: number;
}

/**
 * Probes every due monitor. Runs only as the "health-sweep" job, so with Redis one process runs each tick.
 * Claiming a monitor moves its next_check_at forward in the same statement (SKIP LOCKED), so overlapping
 * sweeps and processes never probe it twice.
 */
@Injectable()
export class HealthSweep implements OnModuleInit {
  private readonly logger = new Logger('HealthSweep');
  private readonly probes: Map<string, PlatformProbe>;
  /** Last sweep that had due monitors: wall time from claiming to the last check recorded, and how many. */
  private readonly lastDuration: Gauge;
  private readonly lastMonitors: Gauge;

  constructor(
    @Inject(JOBS_PORT) private readonly jobs: JobsPort,
    private readonly scheduler: JobsScheduler,
    private readonly monitors: MonitorsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PLATFORM_PROBES) probes: PlatformProbe[],
    private readonly cipher: TokenCipher,
    private readonly recorder: HealthRecorder,
    private readonly defaults: DefaultMonitors,
    metrics: MetricsService,
    private readonly shutdown: ShutdownState,
  ) {
    this.probes = new Map(probes.map((p) => [p.kind, p]));
    const registers = [metrics.registry];
    this.lastDuration = new Gauge({ name: 'health_sweep_last_duration_seconds', help: 'Wall time of the last sweep that had due monitors', registers });
    this.lastMonitors = new Gauge({ name: 'health_sweep_last_monitors', help: 'Monitors claimed by the last sweep that had due monitors', registers });
  }

  onModuleInit(): void {
    // One attempt: a failed sweep is simply followed by the next tick's.
    this.jobs.register({ name: HEALTH_SWEEP_JOB, handler: () => this.sweep().then(() => undefined), attempts: 1 });
    this.scheduler.every(HEALTH_SWEEP_JOB, this.config.health.sweepTickMs, () => ({}));
  }

  async sweep(): Promise<SweepSummary> {
    try {
      await this.defaults.ensureForAll();
    } catch (err) {
      this.logger.error(`Could not add default monitors: ${(err as Error).message}`);
    }
    const started = performance.now();
    const due = await this.monitors.claimDue(MAX_MONITORS_PER_SWEEP);
    const groups = groupSharedTargets(due);
    let failed = 0;
    const results = await runBounded(groups, this.config.health.sweepConcurrency, async (group) => {
      const result = await this.probe(group[0]);
      // Cut by the shutdown: not a finding about the target. The claim lapses and the next sweep re-probes.
      if (this.shutdown.signal.aborted) return;
      const recorded = await runBounded(group, RECORDS_PER_GROUP, (monitor) => this.recorder.record(monitor, result));
      recorded.forEach((r, i) => {
        if (r.status === 'fulfilled') return;
        failed++;
        this.logger.error(`Could not record the check of monitor ${group[i].id}: ${(r.reason as Error)?.message ?? String(r.reason)}`);
      });
    });
    failed += results.filter((r) => r.status === 'rejected').length;
    if (due.length > 0) {
      this.lastDuration.set((performance.now() - started) / 1000);
      this.lastMonitors.set(due.length);
      this.logger.debug(`Swept ${due.length} monitors with ${groups.length} probes (${failed} failed)`);
    }
    return { monitors: due.length, probes: groups.length, failed };
  }

  /** "Check now": probes one monitor (enabled or not) and records the result. */
  async checkMonitor(monitor: Monitor): Promise<HealthCheck> {
    const result = await this.probe(monitor);
    if (this.shutdown.signal.aborted) throw new ServiceUnavailableException('The server is shutting down: the check was cut short and not recorded');
    return this.recorder.record(monitor, result);
  }

  /** Never throws: a probe that breaks its contract or outlives its timeout becomes a failed result. */
  private async probe(monitor: Monitor): Promise<ProbeResult> {
    const checkedAt = new Date();
    const probe = this.probes.get(monitor.kind);
    if (!probe) return failure(checkedAt, 'bad-response', `No probe for kind "${monitor.kind}"`);
    let target: ProbeTarget;
    try {
      target = this.targetOf(monitor);
    } catch (err) {
      if (err instanceof TokenDecryptionError) return failure(checkedAt, 'credentials', 'The stored access token cannot be read; save it again');
      throw err;
    }
    let timer: NodeJS.Timeout | undefined;
    let onCut: (() => void) | undefined;
    const { signal } = this.shutdown;
    const deadline = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(() => resolve(failure(checkedAt, 'timeout', `No answer within ${monitor.timeoutMs} ms`)), monitor.timeoutMs + PROBE_GRACE_MS);
      // Even a probe that ignores its signal stops holding the sweep once the shutdown cuts in-flight work.
      onCut = () => resolve(failure(checkedAt, 'timeout', 'Probe cut short: the server is shutting down'));
      signal.addEventListener('abort', onCut, { once: true });
    });
    try {
      return await Promise.race([probe.probe({ ...target, signal }), deadline]);
    } catch (err) {
      return failure(checkedAt, 'connection', (err as Error).message || 'probe failed');
    } finally {
      clearTimeout(timer);
      if (onCut) signal.removeEventListener('abort', onCut);
    }
  }

  private targetOf(m: Monitor): ProbeTarget {
    const headers = { ...m.headers };
    if (m.accessTokenEncrypted) headers['authorization'] = `Bearer ${this.cipher.decrypt(m.accessTokenEncrypted, m.organizationId)}`;
    return {
      kind: m.kind,
      platform: m.platform,
      url: m.url,
      method: m.method,
      headers,
      timeoutMs: m.timeoutMs,
      expectedStatus: m.expectedStatus,
      components: m.components,
    };
  }
}

function failure(checkedAt: Date, errorClass: NonNullable<ProbeResult['errorClass']>, errorMessage: string): ProbeResult {
  return { checkedAt, latencyMs: null, httpStatus: null, bodyBytes: null, errorClass, errorMessage, rateLimit: null, statusPage: null };
}
