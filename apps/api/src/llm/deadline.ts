import { setTimeout as delay } from 'node:timers/promises';

/**
 * One overall time budget for a model call. Its signal goes to every request and every backoff sleep,
 * so nothing (not even a long Retry-After) can run past it.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly endsAt: number;

  /** `cancel` ends the budget early (the process is stopping). */
  constructor(
    budgetMs: number,
    private readonly now: () => number = Date.now,
    private readonly cancel?: AbortSignal,
  ) {
    this.endsAt = now() + budgetMs;
    this.timer = setTimeout(() => this.controller.abort(new Error('LLM deadline reached')), budgetMs);
    this.timer.unref();
    if (cancel?.aborted) this.controller.abort(cancel.reason);
    else cancel?.addEventListener('abort', this.onCancel, { once: true });
  }

  private readonly onCancel = () => this.controller.abort(this.cancel?.reason);

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.signal.aborted || this.remainingMs() <= 0;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - this.now());
  }

  /** Sleeps `ms`; returns false (early) when the deadline is reached first. */
  async sleep(ms: number): Promise<boolean> {
    try {
      await delay(ms, undefined, { signal: this.signal });
      return true;
    } catch {
      return false;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cancel?.removeEventListener('abort', this.onCancel);
  }
}
