import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { fieldError } from '../../../core/http/field-error';
import { CreateMonitorDto, UpdateMonitorDto } from '../dto/save-monitor.dto';
import type { HealthCheck } from '../entities/health-check.entity';
import type { Monitor } from '../entities/monitor.entity';
import { assertPublicTarget, BlockedTargetError } from '../probes/address-guard';
import { HealthChecksRepository, type HistoryPoint } from '../recording/health-checks.repository';
import { TokenCipher } from '../secrets/token-cipher';
import { HealthStatusCache } from '../status/health-status.cache';
import { historyGaps, type HistoryGap } from '../status/history-gaps';
import { DefaultMonitors } from './default-monitors';
import { MonitorsRepository, type Reschedule } from './monitors.repository';

/** Timeout when none is given: 5 s, or less when the interval is shorter (a probe must end before the next is due). */
const DEFAULT_TIMEOUT_MS = 5_000;
/** Most points one history answer holds (a 30 s interval over 168 h is 20,160). */
const MAX_HISTORY_POINTS = 10_000;

/** CRUD of an organization's monitors; every query is scoped by the caller's organization (other: 404). */
@Injectable()
export class MonitorsService {
  constructor(
    private readonly monitors: MonitorsRepository,
    private readonly checks: HealthChecksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: TokenCipher,
    private readonly defaults: DefaultMonitors,
    private readonly status: HealthStatusCache,
  ) {}

  async list(organizationId: string): Promise<Monitor[]> {
    await this.defaults.ensureFor(organizationId);
    return this.monitors.listFor(organizationId);
  }

  async get(organizationId: string, id: string): Promise<Monitor> {
    const monitor = await this.monitors.findOne(organizationId, id);
    if (!monitor) throw new NotFoundException('Monitor not found');
    return monitor;
  }

  async create(organizationId: string, dto: CreateMonitorDto): Promise<Monitor> {
    this.assertInterval(dto.interval_seconds);
    const intervalSeconds = dto.interval_seconds ?? 300;
    const timeoutMs = dto.timeout_ms ?? defaultTimeoutMs(intervalSeconds);
    assertTimeoutFits(timeoutMs, intervalSeconds, dto.timeout_ms !== undefined ? 'timeout_ms' : 'interval_seconds');
    await this.assertTarget(dto.url);
    const limit = this.config.health.monitorsPerOrganization;
    if ((await this.monitors.countFor(organizationId)) >= limit) {
      throw new BadRequestException(`An organization can have at most ${limit} monitors (MONITORS_PER_ORGANIZATION); delete one first`);
    }
    const created = await this.monitors.create({
        organizationId,
        name: dto.name.trim(),
        platform: dto.platform,
        kind: dto.kind,
        url: dto.url,
        method: dto.method ?? 'GET',
        headers: dto.headers ?? {},
        accessTokenEncrypted: dto.access_token ? this.cipher.encrypt(dto.access_token, organizationId) : null,
        expectedStatus: dto.expected_status ?? 200,
        components: dto.components ?? [],
        timeoutMs,
        intervalSeconds,
        enabled: dto.enabled ?? true,
        isDefault: false,
    });
    this.status.invalidate(organizationId);
    return created;
  }

  async update(organizationId: string, id: string, dto: UpdateMonitorDto): Promise<Monitor> {
    const monitor = await this.get(organizationId, id);
    this.assertInterval(dto.interval_seconds);
    assertTimeoutFits(
      dto.timeout_ms ?? monitor.timeoutMs,
      dto.interval_seconds ?? monitor.intervalSeconds,
      dto.timeout_ms !== undefined ? 'timeout_ms' : 'interval_seconds',
    );
    if (dto.url !== undefined) await this.assertTarget(dto.url);
    if (dto.name !== undefined) monitor.name = dto.name.trim();
    if (dto.platform !== undefined) monitor.platform = dto.platform;
    if (dto.kind !== undefined) monitor.kind = dto.kind;
    if (dto.url !== undefined) monitor.url = dto.url;
    if (dto.method !== undefined) monitor.method = dto.method;
    if (dto.headers !== undefined) monitor.headers = dto.headers;
    if (dto.access_token !== undefined) {
      monitor.accessTokenEncrypted = dto.access_token === null ? null : this.cipher.encrypt(dto.access_token, organizationId);
    }
    if (dto.expected_status !== undefined) monitor.expectedStatus = dto.expected_status;
    if (dto.components !== undefined) monitor.components = dto.components;
    if (dto.timeout_ms !== undefined) monitor.timeoutMs = dto.timeout_ms;
    let reschedule: Reschedule | undefined;
    if (dto.interval_seconds !== undefined) {
      monitor.intervalSeconds = dto.interval_seconds;
      // A shorter interval applies now, not after the old, longer wait.
      reschedule = { dueAt: new Date(Date.now() + dto.interval_seconds * 1000), onlyEarlier: true };
    }
    if (dto.enabled !== undefined) {
      // Re-enabled: check it on the next sweep rather than after a stale schedule.
      if (dto.enabled && !monitor.enabled) reschedule = { dueAt: new Date(), onlyEarlier: false };
      monitor.enabled = dto.enabled;
    }
    const saved = await this.monitors.save(monitor, reschedule);
    this.status.invalidate(organizationId);
    return saved;
  }

  async remove(organizationId: string, id: string): Promise<void> {
    if (!(await this.monitors.delete(organizationId, id))) throw new NotFoundException('Monitor not found');
    this.status.invalidate(organizationId);
  }

  /** The newest check of each monitor (one query). */
  lastChecks(monitorIds: string[]): Promise<Map<string, HealthCheck>> {
    return this.checks.latestPerMonitor(monitorIds);
  }

  /**
   * The organization's monitor's checks over the last `hours`, oldest first (at most the newest 10,000), and
   * the gaps in them.
   */
  async history(organizationId: string, monitorId: string, hours: number, now = new Date()): Promise<{ points: HistoryPoint[]; gaps: HistoryGap[] }> {
    const monitor = await this.monitors.findOne(organizationId, monitorId);
    if (!monitor) throw new NotFoundException('Monitor not found');
    const points = await this.checks.history(monitorId, new Date(now.getTime() - hours * 3_600_000), MAX_HISTORY_POINTS);
    const gaps = historyGaps(points.map((p) => p.checkedAt), monitor.intervalSeconds, now, monitor.enabled);
    return { points, gaps };
  }

  private assertInterval(seconds: number | undefined): void {
    const min = this.config.health.minIntervalSeconds;
    if (seconds !== undefined && seconds < min) {
      throw fieldError('interval_seconds', `interval_seconds must not be less than ${min}`);
    }
  }

  /** Refuses private, loopback and link-local targets (after DNS resolution) unless MONITOR_ALLOW_PRIVATE. */
  private async assertTarget(url: string): Promise<void> {
    try {
      await assertPublicTarget(url, { allowPrivate: this.config.health.allowPrivateTargets });
    } catch (err) {
      if (err instanceof BlockedTargetError) throw fieldError('url', `url is refused: ${err.message}`);
      throw err;
    }
  }
}

function defaultTimeoutMs(intervalSeconds: number): number {
  return Math.min(DEFAULT_TIMEOUT_MS, Math.floor((intervalSeconds * 1000) / 2));
}

/**
 * A probe must end before the monitor's next one is due: a timeout as long as the interval would let a
 * hanging target be probed again while its last probe still waits. `field` is the one the caller changed.
 */
function assertTimeoutFits(timeoutMs: number, intervalSeconds: number, field: 'timeout_ms' | 'interval_seconds'): void {
  if (timeoutMs < intervalSeconds * 1000) return;
  throw fieldError(
    field,
    field === 'timeout_ms'
      ? `timeout_ms must be less than the interval (${intervalSeconds} s = ${intervalSeconds * 1000} ms)`
      : `interval_seconds must be longer than the monitor's timeout_ms (${timeoutMs} ms)`,
  );
}
