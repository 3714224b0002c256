import type { HealthAlert } from '@postprober/shared/health-events';
import { byAlertId } from './alert-id';

/**
 * Exactly-once delivery for one socket that reconnected saying the last alert id it saw.
 *
 * The socket is already in its organization's room when the replay query starts, so live alerts can
 * arrive before, during or after the rows the query returns. The gate holds live alerts back while the
 * replay runs, then lets through only those above the floor: the highest id replayed (or the client's own
 * id, clamped to the newest alert that existed when the replay began). AlertsStore.append commits an
 * organization's alerts in id order, so every id at or under the floor was either replayed or already
 * seen by the client; anything at or under it that arrives live later is a late publish, dropped. Live
 * alerts above the floor pass even out of order (two processes may publish in either order).
 */
export class ReplayGate {
  private held: HealthAlert[] | null = [];
  private floor: bigint;

  constructor(lastAlertId: string) {
    this.floor = BigInt(lastAlertId);
  }

  get replaying(): boolean {
    return this.held !== null;
  }

  /**
   * The newest alert id of the organization when the replay began (null: none yet). A client id above it
   * (from a database since reset, say) must not hide the alerts raised from now on.
   */
  clampFloor(newestId: string | null): void {
    const newest = newestId === null ? 0n : BigInt(newestId);
    if (newest < this.floor) this.floor = newest;
  }

  /** Alerts published while the socket is connected: what to send now (nothing while replaying). */
  live(alerts: readonly HealthAlert[]): HealthAlert[] {
    if (this.held) {
      this.held.push(...alerts);
      return [];
    }
    return alerts.filter((a) => BigInt(a.id) > this.floor);
  }

  /** A page of the replay query (ascending): what to send, and the floor moves to its last id. */
  replayed(page: readonly HealthAlert[]): HealthAlert[] {
    const fresh = page.filter((a) => BigInt(a.id) > this.floor);
    if (fresh.length > 0) this.floor = BigInt(fresh[fresh.length - 1].id);
    return fresh;
  }

  /** The replay is complete: the held live alerts above the floor, ascending, each once. Later live alerts pass through live(). */
  finish(): HealthAlert[] {
    const held = this.held ?? [];
    this.held = null;
    const seen = new Set<string>();
    const out: HealthAlert[] = [];
    for (const alert of [...held].sort(byAlertId)) {
      if (BigInt(alert.id) <= this.floor || seen.has(alert.id)) continue;
      seen.add(alert.id);
      out.push(alert);
    }
    return out;
  }
}
