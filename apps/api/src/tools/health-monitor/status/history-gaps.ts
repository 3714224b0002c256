/** A stretch in which a monitor that should have been checked was not (its process died, the queue or database was down). */
export interface HistoryGap {
  from: Date;
  to: Date;
  /** Checks that should have run in it. */
  missed: number;
}

/**
 * Gaps in a monitor's checks: consecutive checks (oldest first) further apart than twice its interval, and,
 * for an enabled monitor, the stretch from its last check to `now` once that is as long. Checks that could not
 * run then show as missing, not as health.
 */
export function historyGaps(checkedAt: readonly Date[], intervalSeconds: number, now: Date, enabled: boolean): HistoryGap[] {
  const interval = intervalSeconds * 1000;
  const gaps: HistoryGap[] = [];
  const add = (from: Date, to: Date) => {
    const span = to.getTime() - from.getTime();
    if (span > 2 * interval) gaps.push({ from, to, missed: Math.round(span / interval) - 1 });
  };
  for (let i = 1; i < checkedAt.length; i++) add(checkedAt[i - 1], checkedAt[i]);
  const last = checkedAt[checkedAt.length - 1];
  if (enabled && last) add(last, now);
  return gaps;
}
