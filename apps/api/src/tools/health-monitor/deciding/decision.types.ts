import type { HealthSeverity, HealthState, IncidentKind } from '@postprober/shared/health-events';

/** What one check says about a monitor, per incident kind. Decided in code, never by a model. */
export interface CheckAssessment {
  /** Status shown for the monitor after this check. */
  status: HealthState;
  /** Per kind: the severity this check signals, or null when that kind looks fine. */
  signals: Record<IncidentKind, HealthSeverity | null>;
  /** Human-readable reason for the worst signal, e.g. "latency 1,840 ms vs baseline p95 310 ms". */
  reason: string | null;
}

/** Learned from a monitor's recent healthy history; cold-start defaults until enough samples. */
export interface Baseline {
  medianMs: number;
  p95Ms: number;
  /** Failed checks / all checks in the error-rate window, 0–1. */
  errorRate: number;
  samples: number;
  /** Checks counted in errorRate (0 while the platform's default rate is used). */
  errorWindow: number;
  /** True while the platform's default (the sketch's numbers) is used. */
  coldStart: boolean;
}

/** Hysteresis state of one (monitor, kind), persisted between checks. */
export interface IncidentTrack {
  badStreak: number;
  goodStreak: number;
  /** Worst severity seen in the current bad streak (what an incident opens with); null after a good check. */
  streakSeverity: HealthSeverity | null;
  /** The open incident's current severity, or null when none is open. */
  openSeverity: HealthSeverity | null;
  /** Streak of bad checks at a severity lower than openSeverity (for de-escalation). */
  lowerStreak: number;
  /** Worst severity in that lower streak: what the incident de-escalates to. */
  lowerSeverity: HealthSeverity | null;
}

export type TrackTransition =
  | { type: 'opened'; severity: HealthSeverity }
  | { type: 'escalated'; from: HealthSeverity; to: HealthSeverity }
  | { type: 'de-escalated'; from: HealthSeverity; to: HealthSeverity }
  | { type: 'resolved'; from: HealthSeverity }
  | null;
