import { Inject, Injectable, Logger } from '@nestjs/common';
import type { HealthAlert, IncidentKind } from '@postprober/shared/health-events';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { Transactions, type Tx } from '../../../core/database/transactions';
import { ALERT_PUBLISHER, type AlertPublisher } from '../alerts/alert-publisher.port';
import { AlertsStore } from '../alerts/alerts.store';
import { assessCheck } from '../deciding/assess-check';
import { countsAsFailure, learnBaseline, storedCheckSample, type CheckSample } from '../deciding/baseline';
import type { CheckAssessment, IncidentTrack } from '../deciding/decision.types';
import { EMPTY_TRACK, type TrackRules } from '../deciding/incident-track';
import { incidentTemplate } from '../deciding/incident-text';
import { IncidentWriter, type WrittenIncident } from '../deciding/incident-writer';
import { compareSeverity } from '../deciding/severity';
import type { HealthCheck } from '../entities/health-check.entity';
import type { Incident } from '../entities/incident.entity';
import type { Monitor } from '../entities/monitor.entity';
import type { MonitorTrack } from '../entities/monitor-track.entity';
import { IncidentsRepository } from '../incidents/incidents.repository';
import type { ProbeResult } from '../probes/platform-probe.port';
import { HealthStatusCache } from '../status/health-status.cache';
import { MonitorScheduleRepository } from '../sweep/monitor-schedule.repository';
import { errorRateOf, monitorHealth, stateAfter } from '../status/monitor-state';
import { HealthChecksRepository, type NewHealthCheck } from './health-checks.repository';
import { advanceAll, factsOf, INCIDENT_KINDS, sameTransition, severityAfter, type TrackStep } from './incident-changes';
import { MonitorTracksRepository, type MonitorTrackRow } from './monitor-tracks.repository';
import { RecentSamples } from './recent-samples';
import { databaseDriverKind } from '../../../core/database/data-source-options';

/** Earlier checks read for the baseline (it uses at most 50 healthy ones and the last 20 for the error rate). */
const HISTORY_CHECKS = 100;

/**
 * Stores one probe result for one monitor and moves its incidents along, in one transaction: its schedule
 * row (check order), the check, the hysteresis tracks (locked), incident and event rows, and the alerts. Texts are written before the
 * transaction (a model call must not hold it open); alerts and status are pushed after it commits.
 */
@Injectable()
export class HealthRecorder {
  private readonly logger = new Logger('HealthRecorder');
  private readonly rules: TrackRules;

  /** Newest samples per monitor, in memory on the embedded database only (see RecentSamples). */
  private readonly recent: RecentSamples | null;

  constructor(
    private readonly transactions: Transactions,
    private readonly checks: HealthChecksRepository,
    private readonly tracks: MonitorTracksRepository,
    private readonly incidents: IncidentsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ALERT_PUBLISHER) private readonly publisher: AlertPublisher,
    private readonly alerts: AlertsStore,
    private readonly writer: IncidentWriter,
    private readonly status: HealthStatusCache,
    private readonly schedule: MonitorScheduleRepository,
  ) {
    this.rules = { openAfter: config.health.openAfter, resolveAfter: config.health.resolveAfter };
    this.recent = databaseDriverKind(config) === 'pglite' ? new RecentSamples(HISTORY_CHECKS) : null;
  }

  /**
   * Returns the stored check, or null when a newer check of the monitor is recorded already: results are
   * recorded in check order, and a late one (a slow probe overtaken by a newer one) is dropped. `leaseToken`:
   * the schedule lease this check holds, ended in the same transaction.
   */
  async record(monitor: Monitor, result: ProbeResult, leaseToken: string | null = null): Promise<HealthCheck | null> {
    const history = await this.history(monitor.id);
    const baseline = learnBaseline(monitor.platform, history);
    const assessment = assessCheck(result, baseline, monitor.kind);

    // Predict the transitions from the current tracks to word them outside the transaction.
    const current = await this.tracks.read(monitor.id);
    const predicted = advanceAll(new Map([...current].map(([k, r]) => [k, toTrack(r)])), assessment, this.rules).changes;
    const texts = new Map<IncidentKind, { step: TrackStep; text: WrittenIncident }>();
    for (const step of predicted) {
      texts.set(step.kind, { step, text: await this.writer.write(monitor.organizationId, factsOf(monitor, step, assessment, result)) });
    }

    const recorded = await this.transactions.run(async (m) => {
      // Serializes recordings of one monitor (a sweep and a "check now" at once) before its tracks are read.
      await this.tracks.lockMonitor(m, monitor.id);
      if (!(await this.schedule.advanceRecorded(m, monitor.id, result.checkedAt, leaseToken))) return null;
      const check = await this.checks.insert(m, checkRow(monitor, result, assessment));
      const stored = await this.tracks.readForUpdate(m, monitor.id);
      const { next, changes } = advanceAll(new Map([...stored].map(([k, r]) => [k, toTrack(r)])), assessment, this.rules);
      const openIds = new Map([...stored].map(([k, r]) => [k, r.openIncidentId]));
      const raised: HealthAlert[] = [];
      for (const step of changes) {
        const written = texts.get(step.kind);
        const text = written && sameTransition(written.step.transition, step.transition) ? written.text : templateText(monitor, step, assessment, result);
        const incidentId = await this.applyChange(m, monitor, step, text, openIds.get(step.kind) ?? null, result.checkedAt);
        openIds.set(step.kind, step.transition.type === 'resolved' ? null : incidentId);
        if (incidentId && step.transition.type !== 'de-escalated') {
          raised.push(
            await this.alerts.append(m, {
              organizationId: monitor.organizationId,
              type: step.transition.type,
              incidentId,
              monitorId: monitor.id,
              platform: monitor.platform,
              kind: step.kind,
              severity: severityAfter(step.transition),
              message: text.message,
              action: text.action,
            }),
          );
        }
      }
      await this.saveTracks(m, monitor, stored, next, openIds);
      return { check, raised };
    });
    if (!recorded) {
      this.logger.warn(`Dropped a late result of monitor ${monitor.id} (checked at ${result.checkedAt.toISOString()}): a newer check is recorded`);
      return null;
    }
    const { check, raised } = recorded;
    this.recent?.push(monitor.id, storedCheckSample(check));

    const state = stateAfter(monitor, check, errorRateOf([!countsAsFailure(check.errorClass), ...history.map((h) => h.ok)]));
    this.status.apply(monitor.organizationId, monitor, state);
    try {
      if (raised.length) this.publisher.publishAlerts(monitor.organizationId, raised);
      this.publisher.publishStatus(monitor.organizationId, { ...monitorHealth(state), last_check: check.checkedAt.toISOString() });
    } catch (err) {
      // Stored already: a client that missed the push gets it on reconnect.
      this.logger.warn(`Could not publish health updates: ${(err as Error).message}`);
    }
    return check;
  }

  /** Newest first, before the check being recorded. */
  private async history(monitorId: string): Promise<readonly CheckSample[]> {
    const kept = this.recent?.get(monitorId);
    if (kept) return kept;
    const read = (await this.checks.recent(monitorId, HISTORY_CHECKS)).map(storedCheckSample);
    this.recent?.set(monitorId, read);
    return read;
  }

  /** Writes the incident row and its event; returns the incident id (null: a resolve with no incident row left). */
  private async applyChange(
    m: Tx,
    monitor: Monitor,
    step: TrackStep,
    text: WrittenIncident,
    openId: string | null,
    at: Date,
  ): Promise<string | null> {
    const t = step.transition;
    let incident: Incident | null = openId ? await this.incidents.findById(m, openId) : null;
    if (!incident && t.type === 'resolved') return null;
    if (t.type === 'opened' || !incident) {
      // A transition on a track whose incident row is gone (deleted by hand) starts a new one.
      incident = await this.incidents.create(m, {
        organizationId: monitor.organizationId,
        monitorId: monitor.id,
        platform: monitor.platform,
        kind: step.kind,
        status: 'open',
        severity: severityAfter(t),
        peakSeverity: severityAfter(t),
        openedAt: at,
        resolvedAt: null,
        message: text.message,
        recommendedAction: text.action,
        engine: text.engine,
      });
    } else {
      if (t.type === 'resolved') {
        incident.status = 'resolved';
        incident.resolvedAt = at;
      } else {
        incident.severity = t.to;
        if (t.type === 'escalated') {
          if (compareSeverity(t.to, incident.peakSeverity) > 0) incident.peakSeverity = t.to;
          incident.message = text.message;
          incident.recommendedAction = text.action;
          incident.engine = text.engine;
        }
      }
      await this.incidents.save(m, incident);
    }
    await this.incidents.addEvent(m, {
      organizationId: monitor.organizationId,
      incidentId: incident.id,
      type: t.type,
      severity: severityAfter(t),
      message: text.message,
    });
    return incident.id;
  }

  /** Upserts the tracks that hold something now or did before (an empty track stays empty: nothing to write). */
  private async saveTracks(
    m: Tx,
    monitor: Monitor,
    stored: ReadonlyMap<IncidentKind, MonitorTrack>,
    next: Map<IncidentKind, IncidentTrack>,
    openIds: Map<IncidentKind, string | null>,
  ) {
    const changed = (kind: IncidentKind) => {
      const before = stored.get(kind);
      return !isEmpty(next.get(kind) ?? EMPTY_TRACK) || (before !== undefined && !isEmpty(toTrack(before)));
    };
    const rows = INCIDENT_KINDS.filter(changed).map((kind): MonitorTrackRow => {
      const t = next.get(kind) ?? EMPTY_TRACK;
      return {
        monitorId: monitor.id,
        kind,
        organizationId: monitor.organizationId,
        badStreak: t.badStreak,
        goodStreak: t.goodStreak,
        streakSeverity: t.streakSeverity,
        lowerStreak: t.lowerStreak,
        lowerSeverity: t.lowerSeverity,
        openSeverity: t.openSeverity,
        openIncidentId: t.openSeverity === null ? null : (openIds.get(kind) ?? null),
        updatedAt: new Date(),
      };
    });
    await this.tracks.upsert(m, rows);
  }
}

function toTrack(r: MonitorTrack): IncidentTrack {
  return {
    badStreak: r.badStreak,
    goodStreak: r.goodStreak,
    streakSeverity: r.streakSeverity,
    openSeverity: r.openSeverity,
    lowerStreak: r.lowerStreak,
    lowerSeverity: r.lowerSeverity,
  };
}

/** A track with nothing to remember need not be stored (most kinds of most monitors). */
function isEmpty(t: IncidentTrack): boolean {
  return t.badStreak === 0 && t.openSeverity === null && t.lowerStreak === 0;
}

function templateText(monitor: Monitor, step: TrackStep, assessment: CheckAssessment, result: ProbeResult): WrittenIncident {
  const text = incidentTemplate(factsOf(monitor, step, assessment, result));
  return { message: text.message, action: text.recommended_action, engine: 'builtin', fallback: false };
}

/**
 * What users read as response time: the time to an answer, or the timeout that ran out. A failed DNS
 * lookup or a refused connection took a few ms but is not a response time, so it is stored as none.
 */
export function responseTime(r: Pick<ProbeResult, 'latencyMs' | 'httpStatus' | 'errorClass'>): number | null {
  if (r.latencyMs === null) return null;
  if (r.httpStatus === null && r.errorClass !== 'timeout') return null;
  return Math.round(r.latencyMs);
}

function checkRow(monitor: Monitor, r: ProbeResult, assessment: CheckAssessment): NewHealthCheck {
  return {
    organizationId: monitor.organizationId,
    monitorId: monitor.id,
    checkedAt: r.checkedAt,
    status: assessment.status,
    latencyMs: responseTime(r),
    httpStatus: r.httpStatus,
    bodyBytes: r.bodyBytes,
    errorClass: r.errorClass,
    errorMessage: r.errorMessage?.slice(0, 500) ?? null,
    rateLimitUsed: r.rateLimit?.used ?? null,
    rateLimitTotal: r.rateLimit?.total ?? null,
    rateLimitPercent: r.rateLimit?.usedPercent ?? null,
    rateLimitResetAt: r.rateLimit?.resetAt ?? null,
  };
}
