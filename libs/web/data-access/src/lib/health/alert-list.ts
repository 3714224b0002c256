import { HealthAlert, compareAlertIds } from '@postprober/shared/health-events';

/** How many alerts the portal keeps in memory (the bell shows the newest of them). */
export const MAX_ALERTS = 50;

/** Merges `incoming` into `current`: one entry per id, newest (highest id) first, at most `max`. */
export function mergeAlerts(
  current: readonly HealthAlert[],
  incoming: readonly HealthAlert[],
  max = MAX_ALERTS,
): HealthAlert[] {
  const byId = new Map<string, HealthAlert>();
  for (const alert of current) byId.set(alert.id, alert);
  for (const alert of incoming) if (!byId.has(alert.id)) byId.set(alert.id, alert);
  return [...byId.values()].sort((a, b) => compareAlertIds(b.id, a.id)).slice(0, max);
}

/** True when `id` was raised after `lastReadId` (null: nothing has been read yet). */
export function isUnread(id: string, lastReadId: string | null): boolean {
  return lastReadId === null || compareAlertIds(id, lastReadId) > 0;
}

/** The higher of two alert ids, either of which may be missing. */
export function maxAlertId(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareAlertIds(a, b) >= 0 ? a : b;
}
