/**
 * Lets the first of a run of identical messages through, then at most one every `everyMs` with how many
 * were held back, so a connection that retries every few hundred milliseconds during an outage logs a line
 * when it starts failing and a reminder now and then, not hundreds of copies. A different message passes at once.
 */
export class RepeatFilter {
  private last: { message: string; at: number; held: number } | null = null;

  constructor(
    private readonly everyMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Null: hold this one back. Otherwise the number of identical ones held back since the last that passed. */
  pass(message: string): number | null {
    const now = this.now();
    if (this.last?.message === message && now - this.last.at < this.everyMs) {
      this.last.held++;
      return null;
    }
    const held = this.last?.message === message ? this.last.held : 0;
    this.last = { message, at: now, held: 0 };
    return held;
  }
}
