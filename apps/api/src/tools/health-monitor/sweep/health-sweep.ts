import { BeforeApplicationShutdown, ConflictException, Inject, Injectable, Logger, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { Gauge, Histogram } from 'prom-client';
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
import { MonitorScheduleRepository, type ScheduleClaim } from './monitor-schedule.repository';
import { Permits } from './permits';
import { groupSharedTargets } from './shared-targets';

export const HEALTH_SWEEP_JOB = 'health-sweep';
/** A shared target's result is recorded for this many of its monitors at once (each is one transaction). */
const RECORDS_PER_GROUP = 8;
/** A probe must resolve within its timeout; past this much more, the sweep stops waiting for it. */
const PROBE_GRACE_MS = 5_000;
/** A claim's lease covers the probe (timeout + grace) and this long to record it. */
const LEASE_GRACE_MS = PROBE_GRACE_MS + 10_000;

export interface SweepSummary {
  /** Monitors claimed by this tick (their checks start at their slots, after the tick has returned). */
  monitors: number;
  probes: number;
}

/**
 * The health sweep. Each tick of the "health-sweep" job (one process per tick with Redis) claims the
 * monitors whose slot falls before the next tick and returns; each check then starts at its slot, so checks
 * are on time to within a few ms rather than a tick. Slots are fixed-rate and a claim holds a lease while its
 * probe is in flight (MonitorScheduleRepository): a monitor is never probed twice at once, a hanging target
 * holds only its own probe permit, and a claim whose process died is taken again when its lease lapses.
 */
@Injectable()
export class HealthSweep implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('HealthSweep');
  private readonly probes: Map<string, PlatformProbe>;
  private readonly permits: Permits;
  /** Claimed here and not finished (waiting for their slot or being checked): bounds what a tick claims. */
  private claimed = 0;
  private readonly running = new Set<Promise<void>>();
  private readonly lateness: Histogram;
  private readonly inFlight: Gauge;

  constructor(
    @Inject(JOBS_PORT) private readonly jobs: JobsPort,
    private readonly scheduler: JobsScheduler,
    private readonly monitors: MonitorsRepository,
    private readonly schedule: MonitorScheduleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PLATFORM_PROBES) probes: PlatformProbe[],
    private readonly cipher: TokenCipher,
    private readonly recorder: HealthRecorder,
    private readonly defaults: DefaultMonitors,
    metrics: MetricsService,
    private readonly shutdown: ShutdownState,
  ) {
    this.probes = new Map(probes.map((p) => [p.kind, p]));
    this.permits = new Permits(config.health.sweepConcurrency);
    const registers = [metrics.registry];
    this.lateness = new Histogram({
      name: 'health_check_lateness_seconds',
      help: 'How long after its slot a scheduled check started',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    });
    this.inFlight = new Gauge({ name: 'health_checks_claimed', help: 'Checks claimed by this process and not finished', registers });
  }

  onModuleInit(): void {
    // One attempt: a failed tick is simply followed by the next.
    this.jobs.register({ name: HEALTH_SWEEP_JOB, handler: () => this.sweep().then(() => undefined), attempts: 1 });
    this.scheduler.every(HEALTH_SWEEP_JOB, this.config.health.sweepTickMs, () => ({}));
  }

  /** Waits for the checks this process started (the shutdown's cut ends them; cut ones give their slot back). */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** One tick: claims what falls due before the next tick and schedules each check at its slot. */
  async sweep(): Promise<SweepSummary> {
    if (this.shutdown.stopping) return { monitors: 0, probes: 0 };
    await this.ensureDefaults();
    // Claimed but unstarted checks wait for a permit, so claim at most twice what may run at once.
    const room = 2 * this.config.health.sweepConcurrency - this.claimed;
    if (room <= 0) return { monitors: 0, probes: 0 };
    const claims = await this.schedule.claimDue(room, 2 * this.config.health.sweepTickMs, LEASE_GRACE_MS);
    if (claims.length === 0) return { monitors: 0, probes: 0 };
    for (const c of claims) {
      if (c.lapsedAt) {
        this.logger.warn(`Monitor ${c.monitorId}: its previous check never finished (claimed by a process that stopped; lease ended ${c.lapsedAt.toISOString()}); checking it again`);
      }
    }
    const byId = new Map(claims.map((c) => [c.monitorId, c]));
    const found = await this.monitors.findByIds(claims.map((c) => c.monitorId));
    // A monitor deleted between claim and read has no row: its schedule row went with it.
    const groups = groupSharedTargets(found);
    for (const group of groups) this.start(group.map((m) => ({ monitor: m, claim: byId.get(m.id) as ScheduleClaim })));
    return { monitors: found.length, probes: groups.length };
  }

  /** "Check now": probes one monitor (enabled or not) and records the result; 409 while a check of it is in flight. */
  async checkMonitor(monitor: Monitor): Promise<HealthCheck> {
    const token = await this.schedule.lease(monitor.id, monitor.timeoutMs + LEASE_GRACE_MS);
    if (!token) throw new ConflictException('A check of this monitor is in flight; its result will show when it ends');
    let check: HealthCheck | null = null;
    try {
      const result = await this.probe(monitor);
      if (this.shutdown.signal.aborted) throw new ServiceUnavailableException('The server is shutting down: the check was cut short and not recorded');
      check = await this.recorder.record(monitor, result, token);
      if (!check) throw new ConflictException('A newer check of this monitor was recorded meanwhile');
      return check;
    } finally {
      if (!check) await this.schedule.release(monitor.id, token).catch(() => undefined);
    }
  }

  private start(group: { monitor: Monitor; claim: ScheduleClaim }[]): void {
    this.claimed += group.length;
    this.inFlight.set(this.claimed);
    const task = this.checkGroup(group)
      .catch((err: Error) => this.logger.error(`Check of monitor ${group[0].monitor.id} failed: ${err.message}`))
      .finally(() => {
        this.claimed -= group.length;
        this.inFlight.set(this.claimed);
        this.running.delete(task);
      });
    this.running.add(task);
  }

  /** Waits for the group's slot and a permit, probes once, records the result for every monitor of the group. */
  private async checkGroup(group: { monitor: Monitor; claim: ScheduleClaim }[]): Promise<void> {
    const slot = Math.min(...group.map((g) => g.claim.slot.getTime()));
    const { signal } = this.shutdown;
    let release: (() => void) | undefined;
    try {
      await untilSlot(slot, signal);
      release = await this.permits.acquire(signal);
    } catch {
      // Stopping before the check began: its slot goes back to whoever sweeps next.
      await this.releaseAll(group, true);
      return;
    }
    try {
      this.lateness.observe(Math.max(0, Date.now() - slot) / 1000);
      const result = await this.probe(group[0].monitor);
      if (signal.aborted) {
        // Cut by the shutdown: not a finding about the target. The slot goes back.
        await this.releaseAll(group, true);
        return;
      }
      const recorded = await runBounded(group, RECORDS_PER_GROUP, async ({ monitor, claim }) => {
        const check = await this.recorder.record(monitor, result, claim.token);
        if (!check) await this.schedule.release(monitor.id, claim.token);
      });
      await Promise.all(
        recorded.map(async (r, i) => {
          if (r.status === 'fulfilled') return;
          const { monitor, claim } = group[i];
          this.logger.error(`Could not record the check of monitor ${monitor.id}: ${(r.reason as Error)?.message ?? String(r.reason)}`);
          await this.schedule.release(monitor.id, claim.token).catch(() => undefined);
        }),
      );
    } finally {
      release();
    }
  }

  private async releaseAll(group: { monitor: Monitor; claim: ScheduleClaim }[], giveBack: boolean): Promise<void> {
    await Promise.all(
      group.map(({ monitor, claim }) =>
        this.schedule.release(monitor.id, claim.token, giveBack ? claim.slot : undefined).catch((err: Error) => {
          // The lease lapses by itself; the next claim logs it.
          this.logger.warn(`Could not release the claim of monitor ${monitor.id}: ${err.message}`);
        }),
      ),
    );
  }

  /** One indexed anti-join per tick: organizations made since the last one get their default monitors. */
  private async ensureDefaults(): Promise<void> {
    try {
      await this.defaults.ensureForAll();
    } catch (err) {
      this.logger.error(`Could not add default monitors: ${(err as Error).message}`);
    }
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

/** Resolves at `at` (epoch ms), at once when it has passed; rejects when `signal` aborts first. */
function untilSlot(at: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  const wait = at - Date.now();
  if (wait <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, wait);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function failure(checkedAt: Date, errorClass: NonNullable<ProbeResult['errorClass']>, errorMessage: string): ProbeResult {
  return { checkedAt, latencyMs: null, httpStatus: null, bodyBytes: null, errorClass, errorMessage, rateLimit: null, statusPage: null };
}
