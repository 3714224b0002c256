import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthAlert, IncidentKind } from '@postprober/shared/health-events';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { ALERT_PUBLISHER, type AlertPublisher } from '../alerts/alert-publisher.port';
import { AlertsStore } from '../alerts/alerts.store';
import { assessCheck } from '../deciding/assess-check';
import { countsAsFailure, learnBaseline, storedCheckSample, type CheckSample } from '../deciding/baseline';
import type { CheckAssessment, IncidentTrack } from '../deciding/decision.types';
import { EMPTY_TRACK, type TrackRules } from '../deciding/incident-track';
import { incidentTemplate } from '../deciding/incident-text';
import { IncidentWriter, type WrittenIncident } from '../deciding/incident-writer';
import { compareSeverity } from '../deciding/severity';
import { HealthCheck } from '../entities/health-check.entity';
import { IncidentEvent } from '../entities/incident-event.entity';
import { Incident } from '../entities/incident.entity';
import type { Monitor } from '../entities/monitor.entity';
import { MonitorTrack } from '../entities/monitor-track.entity';
import type { ProbeResult } from '../probes/platform-probe.port';
import { HealthStatusCache } from '../status/health-status.cache';
import { errorRateOf, monitorHealth, stateAfter } from '../status/monitor-state';
import { advanceAll, factsOf, INCIDENT_KINDS, sameTransition, severityAfter, type TrackStep } from './incident-changes';

/** Earlier checks read for the baseline (it uses at most 50 healthy ones and the last 20 for the error rate). */
const HISTORY_CHECKS = 100;

/**
 * Stores one probe result for one monitor and moves its incidents along, in one transaction: the check, the
 * hysteresis tracks (locked), incident and event rows, and the alerts. Texts are written before the
 * transaction (a model call must not hold it open); alerts and status are pushed after it commits.
 */
@Injectable()
export class HealthRecorder {
  private readonly logger = new Logger('HealthRecorder');
  private readonly rules: TrackRules;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ALERT_PUBLISHER) private readonly publisher: AlertPublisher,
    private readonly alerts: AlertsStore,
    private readonly writer: IncidentWriter,
    private readonly status: HealthStatusCache,
  ) {
    this.rules = { openAfter: config.health.openAfter, resolveAfter: config.health.resolveAfter };
  }

  async record(monitor: Monitor, result: ProbeResult): Promise<HealthCheck> {
    const history = await this.history(monitor.id);
    const baseline = learnBaseline(monitor.platform, history);
    const assessment = assessCheck(result, baseline, monitor.kind);

    // Predict the transitions from the current tracks to word them outside the transaction.
    const current = await this.trackRows(this.db.manager, monitor.id, false);
    const predicted = advanceAll(new Map([...current].map(([k, r]) => [k, toTrack(r)])), assessment, this.rules).changes;
    const texts = new Map<IncidentKind, { step: TrackStep; text: WrittenIncident }>();
    for (const step of predicted) {
      texts.set(step.kind, { step, text: await this.writer.write(monitor.organizationId, factsOf(monitor, step, assessment, result)) });
    }

    const { check, raised } = await this.db.transaction(async (m) => {
      // Serializes recordings of one monitor (a sweep and a "check now" at once) before its tracks are read.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('monitor-track:' || $1, 0))`, [monitor.id]);
      const check = await m.save(m.create(HealthCheck, checkRow(monitor, result, assessment)));
      const stored = await this.trackRows(m, monitor.id, true);
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
  private async history(monitorId: string): Promise<CheckSample[]> {
    const rows = await this.db.getRepository(HealthCheck).find({
      select: { latencyMs: true, errorClass: true, status: true },
      where: { monitorId },
      order: { checkedAt: 'DESC' },
      take: HISTORY_CHECKS,
    });
    return rows.map(storedCheckSample);
  }

  /** The stored tracks (a kind without a row is EMPTY_TRACK); `lock` takes them FOR UPDATE. */
  private async trackRows(m: EntityManager, monitorId: string, lock: boolean): Promise<Map<IncidentKind, MonitorTrack>> {
    let query = m.getRepository(MonitorTrack).createQueryBuilder('t').where('t.monitor_id = :monitorId', { monitorId });
    if (lock) query = query.setLock('pessimistic_write');
    return new Map((await query.getMany()).map((r) => [r.kind, r]));
  }

  /** Writes the incident row and its event; returns the incident id (null: a resolve with no incident row left). */
  private async applyChange(
    m: EntityManager,
    monitor: Monitor,
    step: TrackStep,
    text: WrittenIncident,
    openId: string | null,
    at: Date,
  ): Promise<string | null> {
    const t = step.transition;
    const incidents = m.getRepository(Incident);
    let incident: Incident | null = openId ? await incidents.findOneBy({ id: openId }) : null;
    if (!incident && t.type === 'resolved') return null;
    if (t.type === 'opened' || !incident) {
      // A transition on a track whose incident row is gone (deleted by hand) starts a new one.
      incident = await incidents.save(
        incidents.create({
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
        }),
      );
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
      await incidents.save(incident);
    }
    await m.getRepository(IncidentEvent).insert({
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
    m: EntityManager,
    monitor: Monitor,
    stored: ReadonlyMap<IncidentKind, MonitorTrack>,
    next: Map<IncidentKind, IncidentTrack>,
    openIds: Map<IncidentKind, string | null>,
  ) {
    const changed = (kind: IncidentKind) => {
      const before = stored.get(kind);
      return !isEmpty(next.get(kind) ?? EMPTY_TRACK) || (before !== undefined && !isEmpty(toTrack(before)));
    };
    const rows = INCIDENT_KINDS.filter(changed).map((kind) => {
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
    if (rows.length) await m.getRepository(MonitorTrack).upsert(rows, ['monitorId', 'kind']);
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

function checkRow(monitor: Monitor, r: ProbeResult, assessment: CheckAssessment): Partial<HealthCheck> {
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
