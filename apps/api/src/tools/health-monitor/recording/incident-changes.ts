import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { CheckAssessment, IncidentTrack, TrackTransition } from '../deciding/decision.types';
import { advanceTrack, EMPTY_TRACK, type TrackRules } from '../deciding/incident-track';
import type { IncidentFacts } from '../deciding/incident-text';
import type { Monitor } from '../entities/monitor.entity';
import type { ProbeResult } from '../probes/platform-probe.port';

export const INCIDENT_KINDS: readonly IncidentKind[] = ['availability', 'credentials', 'rate-limit', 'monitoring'];

/** One kind's step: the track to store and what happened to its incident. */
export interface TrackStep {
  kind: IncidentKind;
  track: IncidentTrack;
  transition: NonNullable<TrackTransition>;
}

/** Every kind's next track; `changes` lists the kinds whose incident opens, changes severity or resolves. */
export function advanceAll(
  tracks: ReadonlyMap<IncidentKind, IncidentTrack>,
  assessment: CheckAssessment,
  rules: TrackRules,
): { next: Map<IncidentKind, IncidentTrack>; changes: TrackStep[] } {
  const next = new Map<IncidentKind, IncidentTrack>();
  const changes: TrackStep[] = [];
  for (const kind of INCIDENT_KINDS) {
    const { track, transition } = advanceTrack(tracks.get(kind) ?? EMPTY_TRACK, assessment.signals[kind], rules);
    next.set(kind, track);
    if (transition) changes.push({ kind, track, transition });
  }
  return { next, changes };
}

/** Severity after a transition (for resolved: the one it had). */
export function severityAfter(t: NonNullable<TrackTransition>): HealthSeverity {
  switch (t.type) {
    case 'opened':
      return t.severity;
    case 'escalated':
    case 'de-escalated':
      return t.to;
    case 'resolved':
      return t.from;
  }
}

/** The facts the incident texts are written from. */
export function factsOf(monitor: Monitor, step: TrackStep, assessment: CheckAssessment, result: ProbeResult): IncidentFacts {
  const t = step.transition;
  return {
    platform: monitor.platform,
    monitorName: monitor.name,
    probeKind: monitor.kind,
    kind: step.kind,
    event: t.type,
    severity: severityAfter(t),
    previousSeverity: t.type === 'escalated' || t.type === 'de-escalated' ? t.from : null,
    reason: t.type === 'resolved' ? null : assessment.reason,
    errorClass: result.errorClass,
    consecutiveChecks: t.type === 'resolved' ? step.track.goodStreak : step.track.badStreak,
    rateLimit: result.rateLimit ? { usedPercent: result.rateLimit.usedPercent, resetAt: result.rateLimit.resetAt } : null,
  };
}

/** Same kind and same transition: the text written before the transaction still fits. */
export function sameTransition(a: TrackTransition, b: TrackTransition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
