import type { HealthSeverity } from '@postprober/shared/health-events';
import type { IncidentTrack, TrackTransition } from './decision.types';
import { EMPTY_TRACK, advanceTrack, type TrackRules } from './incident-track';

const RULES: TrackRules = { openAfter: 2, resolveAfter: 2 };

/** Feeds signals through the track from EMPTY_TRACK; returns every non-null transition with its check index. */
function run(signals: (HealthSeverity | null)[], rules = RULES, start: IncidentTrack = EMPTY_TRACK) {
  let track = start;
  const transitions: { at: number; transition: NonNullable<TrackTransition> }[] = [];
  signals.forEach((signal, at) => {
    const next = advanceTrack(track, signal, rules);
    track = next.track;
    if (next.transition) transitions.push({ at, transition: next.transition });
  });
  return { track, transitions };
}

describe('advanceTrack', () => {
  it('starts empty and stays quiet on good checks', () => {
    expect(EMPTY_TRACK).toEqual({ badStreak: 0, goodStreak: 0, streakSeverity: null, openSeverity: null, lowerStreak: 0, lowerSeverity: null });
    expect(Object.isFrozen(EMPTY_TRACK)).toBe(true);
    expect(run([null, null, null]).transitions).toEqual([]);
  });

  it('opens a slow-response warning only after 2 consecutive slow checks', () => {
    const one = advanceTrack(EMPTY_TRACK, 'warning', RULES);
    expect(one.transition).toBeNull();
    expect(one.track).toMatchObject({ badStreak: 1, streakSeverity: 'warning', openSeverity: null });
    const two = advanceTrack(one.track, 'warning', RULES);
    expect(two.transition).toEqual({ type: 'opened', severity: 'warning' });
    expect(two.track.openSeverity).toBe('warning');
  });

  it('opens at the worst severity seen in the streak', () => {
    expect(run(['critical', 'warning']).transitions).toEqual([{ at: 1, transition: { type: 'opened', severity: 'critical' } }]);
    expect(run(['info', 'warning', 'info'], { openAfter: 3, resolveAfter: 2 }).transitions).toEqual([{ at: 2, transition: { type: 'opened', severity: 'warning' } }]);
  });

  it('healthy → slow → down → recovered: opened(warning), escalated(critical), resolved exactly once', () => {
    const { transitions, track } = run([null, 'warning', 'warning', 'critical', 'critical', null, null, null, null]);
    expect(transitions).toEqual([
      { at: 2, transition: { type: 'opened', severity: 'warning' } },
      { at: 3, transition: { type: 'escalated', from: 'warning', to: 'critical' } },
      { at: 6, transition: { type: 'resolved', from: 'critical' } },
    ]);
    expect(track).toMatchObject({ openSeverity: null, badStreak: 0 });
  });

  it('never opens while flapping bad/good', () => {
    expect(run(['critical', null, 'critical', null, 'critical', null, 'warning', null]).transitions).toEqual([]);
  });

  it('never resolves an open incident while it flaps, then resolves after 2 good in a row', () => {
    const { transitions } = run(['critical', 'critical', null, 'critical', null, 'critical', null, null]);
    expect(transitions).toEqual([
      { at: 1, transition: { type: 'opened', severity: 'critical' } },
      { at: 7, transition: { type: 'resolved', from: 'critical' } },
    ]);
  });

  it('honours larger thresholds', () => {
    const rules = { openAfter: 3, resolveAfter: 4 };
    const { transitions } = run(['warning', 'warning', 'warning', null, null, null, 'warning', null, null, null, null], rules);
    expect(transitions).toEqual([
      { at: 2, transition: { type: 'opened', severity: 'warning' } },
      { at: 10, transition: { type: 'resolved', from: 'warning' } },
    ]);
  });

  it('opens and resolves at once with thresholds of 1 (and treats 0 as 1)', () => {
    expect(run(['info', null], { openAfter: 1, resolveAfter: 1 }).transitions.map((t) => t.transition.type)).toEqual(['opened', 'resolved']);
    expect(run(['info', null], { openAfter: 0, resolveAfter: 0 }).transitions.map((t) => t.transition.type)).toEqual(['opened', 'resolved']);
  });

  it('de-escalates only after openAfter consecutive milder checks, to the worst of them', () => {
    const { transitions, track } = run(['critical', 'critical', 'warning', 'critical', 'warning', 'info', 'warning']);
    expect(transitions).toEqual([
      { at: 1, transition: { type: 'opened', severity: 'critical' } },
      { at: 5, transition: { type: 'de-escalated', from: 'critical', to: 'warning' } },
    ]);
    expect(track).toMatchObject({ openSeverity: 'warning', lowerStreak: 0 });
  });

  it('a good check breaks the milder streak too', () => {
    const { transitions } = run(['critical', 'critical', 'warning', null, 'warning', null]);
    expect(transitions.map((t) => t.transition.type)).toEqual(['opened']);
  });

  it('escalates again at once after a de-escalation', () => {
    const { transitions } = run(['critical', 'critical', 'warning', 'warning', 'critical']);
    expect(transitions.map((t) => t.transition)).toEqual([
      { type: 'opened', severity: 'critical' },
      { type: 'de-escalated', from: 'critical', to: 'warning' },
      { type: 'escalated', from: 'warning', to: 'critical' },
    ]);
  });

  it('does not mutate the track it is given', () => {
    const track: IncidentTrack = { ...EMPTY_TRACK, badStreak: 1, streakSeverity: 'warning' };
    const copy = { ...track };
    advanceTrack(track, 'critical', RULES);
    expect(track).toEqual(copy);
  });
});
