import type { HealthSeverity } from '@postprober/shared/health-events';
import type { IncidentTrack, TrackTransition } from './decision.types';
import { compareSeverity, worstSeverity } from './severity';

/** Consecutive checks needed to open (and to de-escalate) an incident, and to resolve it (config.health.*). */
export interface TrackRules {
  openAfter: number;
  resolveAfter: number;
}

/** A (monitor, kind) that has never been checked, or whose history was cleared. */
export const EMPTY_TRACK: IncidentTrack = Object.freeze({
  badStreak: 0,
  goodStreak: 0,
  streakSeverity: null,
  openSeverity: null,
  lowerStreak: 0,
  lowerSeverity: null,
});

/**
 * Hysteresis of one (monitor, kind). `signal` is this check's severity for the kind, null when it looks fine.
 * - Opens after `openAfter` consecutive bad checks, at the worst severity seen in that streak.
 * - Resolves after `resolveAfter` consecutive good checks; a bad check in between starts the count again.
 * - While open: a worse severity escalates at once (getting worse is news now); a milder one de-escalates only after
 *   `openAfter` consecutive checks below the open severity, to the worst of those.
 * - A good check resets every bad streak, so a target flapping bad/good never opens (openAfter ≥ 2) and an open
 *   incident never resolves while it flaps (resolveAfter ≥ 2).
 * Pure: returns the next track and at most one transition.
 */
export function advanceTrack(
  track: IncidentTrack,
  signal: HealthSeverity | null,
  rules: TrackRules,
): { track: IncidentTrack; transition: TrackTransition } {
  const openAfter = Math.max(1, rules.openAfter);
  const resolveAfter = Math.max(1, rules.resolveAfter);
  const open = track.openSeverity ?? null;

  if (signal === null) {
    const goodStreak = track.goodStreak + 1;
    const next: IncidentTrack = { ...EMPTY_TRACK, goodStreak, openSeverity: open };
    if (open !== null && goodStreak >= resolveAfter) {
      return { track: { ...next, openSeverity: null }, transition: { type: 'resolved', from: open } };
    }
    return { track: next, transition: null };
  }

  const badStreak = track.badStreak + 1;
  const streakSeverity = worstSeverity(track.streakSeverity ?? null, signal) as HealthSeverity;
  const base: IncidentTrack = { ...EMPTY_TRACK, badStreak, streakSeverity, openSeverity: open };

  if (open === null) {
    if (badStreak >= openAfter) return { track: { ...base, openSeverity: streakSeverity }, transition: { type: 'opened', severity: streakSeverity } };
    return { track: base, transition: null };
  }

  const order = compareSeverity(signal, open);
  if (order > 0) return { track: { ...base, openSeverity: signal }, transition: { type: 'escalated', from: open, to: signal } };
  if (order === 0) return { track: base, transition: null };

  const lowerStreak = (track.lowerStreak ?? 0) + 1;
  const lowerSeverity = worstSeverity(track.lowerSeverity ?? null, signal) as HealthSeverity;
  if (lowerStreak >= openAfter) {
    return { track: { ...base, openSeverity: lowerSeverity }, transition: { type: 'de-escalated', from: open, to: lowerSeverity } };
  }
  return { track: { ...base, lowerStreak, lowerSeverity }, transition: null };
}
