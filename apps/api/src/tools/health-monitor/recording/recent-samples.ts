import type { CheckSample } from '../deciding/baseline';

/**
 * Each monitor's newest check samples (newest first), kept after the first read so that recording a check
 * does not read them back from the database every time. Only for the embedded database: one process owns
 * its folder and records every check, so what is kept here is what is stored. (On PGlite those reads run
 * on the event loop; at 1,000 monitors every 20 s they were a large share of what held status reads.)
 */
export class RecentSamples {
  private readonly byMonitor = new Map<string, readonly CheckSample[]>();

  constructor(
    private readonly limit: number,
    /** Past this many monitors the memo starts over (deleted monitors are never removed one by one). */
    private readonly maxMonitors = 50_000,
  ) {}

  get(monitorId: string): readonly CheckSample[] | undefined {
    return this.byMonitor.get(monitorId);
  }

  /** What was read from the database, newest first. */
  set(monitorId: string, samples: readonly CheckSample[]): void {
    if (!this.byMonitor.has(monitorId) && this.byMonitor.size >= this.maxMonitors) this.byMonitor.clear();
    this.byMonitor.set(monitorId, samples.slice(0, this.limit));
  }

  /** A check just stored. A new array, so a caller still holding the previous one sees it unchanged. */
  push(monitorId: string, sample: CheckSample): void {
    const current = this.byMonitor.get(monitorId);
    if (current) this.byMonitor.set(monitorId, [sample, ...current].slice(0, this.limit));
  }
}
