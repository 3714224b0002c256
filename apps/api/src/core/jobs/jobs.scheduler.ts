import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JOBS_PORT, JobsPort } from './jobs.port';

/**
 * Time triggers for jobs. Every process runs the trigger; enqueueForSlot's deterministic id turns the
 * triggers of all processes into one job per slot.
 */
@Injectable()
export class JobsScheduler {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(JOBS_PORT) private readonly jobs: JobsPort,
    private readonly registry: SchedulerRegistry,
  ) {}

  /**
   * Enqueues job `name` once per `intervalMs` slot. Ticks every half interval: timers drift, and a tick per
   * full interval could skip a slot; the extra tick in a slot is a duplicate id and does nothing.
   * The interval is cleared by ScheduleModule on shutdown.
   */
  every<P>(name: string, intervalMs: number, payload: () => P): void {
    if (!Number.isInteger(intervalMs) || intervalMs < 2) {
      throw new Error(`Job "${name}": intervalMs must be an integer >= 2, got ${intervalMs}`);
    }
    const tick = () => {
      // Inside a promise, so a throwing payload factory is logged instead of crashing the timer.
      Promise.resolve()
        .then(() => this.jobs.enqueueForSlot(name, intervalMs, payload()))
        .catch((err: Error) => this.logger.error(`Could not enqueue scheduled job "${name}": ${err.message}`));
    };
    this.registry.addInterval(`jobs:${name}`, setInterval(tick, Math.floor(intervalMs / 2)));
  }
}
