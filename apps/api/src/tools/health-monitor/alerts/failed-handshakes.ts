/**
 * Counts refused socket handshakes per client address in fixed one-minute windows, so nobody can guess
 * tokens or API keys over the socket faster than over HTTP (where sign-in is limited too). Only failures
 * count: a whole office behind one address reconnecting after a network blip is never refused.
 */
export class FailedHandshakes {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True while the address has used up its failures for the current window. */
  blocked(address: string): boolean {
    const w = this.current(address);
    return w !== undefined && w.failures >= this.maxFailures;
  }

  recordFailure(address: string): void {
    const now = this.clock();
    const w = this.current(address);
    if (w) w.failures++;
    else this.windows.set(address, { start: now, failures: 1 });
    // Bounded memory: drop finished windows once the map grows.
    if (this.windows.size > 10_000) {
      for (const [key, value] of this.windows) if (now - value.start >= this.windowMs) this.windows.delete(key);
    }
  }

  private current(address: string): { start: number; failures: number } | undefined {
    const w = this.windows.get(address);
    if (w && this.clock() - w.start >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return w;
  }
}
