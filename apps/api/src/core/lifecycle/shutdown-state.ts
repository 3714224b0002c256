import { Injectable } from '@nestjs/common';
import { setMaxListeners } from 'node:events';

/**
 * Whether this process is stopping, for whoever must act on it: readiness turns 503, responses close their
 * kept-alive connection, and `signal` cuts in-flight probes and model calls when the drain time is up.
 */
@Injectable()
export class ShutdownState {
  private stoppingSince: number | null = null;
  private deadlineAt: number | null = null;
  private readonly cut = new AbortController();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor() {
    // Every probe and model call in flight listens on `signal` (and stops listening when done): hundreds at
    // once during a sweep are expected, not a leak.
    setMaxListeners(0, this.cut.signal);
  }

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  /** Aborted when in-flight work must end now (the drain part of the shutdown budget is spent). */
  get signal(): AbortSignal {
    return this.cut.signal;
  }

  /** `timeoutMs`: the whole shutdown budget, from now (what remainingMs() counts down). */
  begin(timeoutMs?: number): void {
    this.stoppingSince ??= Date.now();
    if (timeoutMs !== undefined) this.deadlineAt ??= this.stoppingSince + timeoutMs;
  }

  /** Time left of the shutdown budget; null when none was set (app.close() without a signal, as in tests). */
  remainingMs(): number | null {
    return this.deadlineAt === null ? null : Math.max(0, this.deadlineAt - Date.now());
  }

  /** HTTP requests being served (counted by createApp's hooks), so the shutdown can wait for them. */
  requestStarted(): void {
    this.inFlight++;
  }

  requestEnded(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Resolves once no HTTP request is in flight. */
  requestsDone(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  cutInFlight(): void {
    this.begin();
    if (!this.cut.signal.aborted) this.cut.abort(new ShutdownCutError());
  }
}

/** The reason on `ShutdownState.signal`: work was cut because the process stops, not because a target failed. */
export class ShutdownCutError extends Error {
  constructor() {
    super('Cut short: the server is shutting down');
    this.name = 'ShutdownCutError';
  }
}
