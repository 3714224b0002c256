/** Thrown when a waiter gives up before the current holder releases the lease. */
export class LeaseTimeoutError extends Error {}

interface Waiter {
  grant: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * One holder at a time, others wait in FIFO order. PGlite has a single session, so this is what keeps a
 * transaction from sharing it with unrelated queries (they wait for the transaction to end instead).
 */
export class ExclusiveLease {
  private held = false;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly describeTimeout: (timeoutMs: number) => string = (ms) => `Timed out after ${ms} ms waiting for the lease`) {}

  get isHeld(): boolean {
    return this.held;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function (safe to call twice). timeoutMs <= 0 waits forever. */
  acquire(timeoutMs: number): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { grant: () => resolve(this.releaser()) };
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index !== -1) this.waiters.splice(index, 1);
          reject(new LeaseTimeoutError(this.describeTimeout(timeoutMs)));
        }, timeoutMs);
      }
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (!next) {
        this.held = false;
        return;
      }
      clearTimeout(next.timer);
      next.grant();
    };
  }
}
