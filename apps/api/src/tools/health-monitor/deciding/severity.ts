import type { HealthSeverity } from '@postprober/shared/health-events';

const RANK: Record<HealthSeverity, number> = { info: 1, warning: 2, critical: 3 };

/** Orders severities: negative when a is milder than b. */
export function compareSeverity(a: HealthSeverity, b: HealthSeverity): number {
  return RANK[a] - RANK[b];
}

/** The worse of two severities; null counts as "no signal". */
export function worstSeverity(a: HealthSeverity | null, b: HealthSeverity | null): HealthSeverity | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareSeverity(a, b) >= 0 ? a : b;
}
