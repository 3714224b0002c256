import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ShutdownState } from './shutdown-state';

/** Share of the budget in-flight probes and model calls may use to finish before they are cut. */
const DRAIN_SHARE = 0.5;

export interface GracefulShutdownOptions {
  timeoutMs: number;
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
  /** Where signals come from (the process; specs pass an emitter). */
  signalSource?: Pick<NodeJS.EventEmitter, 'once'>;
}

/**
 * SIGTERM/SIGINT → readiness 503 and `connection: close` at once (ShutdownState); HTTP requests drain while
 * the server still listens, in-flight probes and model calls are cut at half the budget; then Nest's
 * shutdown hooks run, the HTTP server closes, exit 0. Whatever hangs (a client that keeps
 * its connection, Redis gone, a target that never answers), the process exits 1 at `timeoutMs`.
 */
export function installGracefulShutdown(app: NestFastifyApplication, options: GracefulShutdownOptions): void {
  const { timeoutMs, signals = ['SIGTERM', 'SIGINT'], exit = (code) => process.exit(code), signalSource = process } = options;
  const logger = new Logger('Shutdown');
  const state = app.get(ShutdownState);
  let started = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const since = Date.now();
    logger.warn({ msg: `Stopping on ${signal}: readiness is 503, exit within ${timeoutMs} ms`, signal, timeout_ms: timeoutMs });
    state.begin(timeoutMs);
    setTimeout(() => {
      logger.error({ msg: `Shutdown did not finish within ${timeoutMs} ms: exiting anyway`, timeout_ms: timeoutMs });
      exit(1);
    }, timeoutMs).unref();
    setTimeout(() => state.cutInFlight(), Math.round(timeoutMs * DRAIN_SHARE)).unref();
    // Still listening while requests drain (readiness answers 503 to whoever asks, every response closes
    // its connection); the cut above ends the ones that would not finish.
    await state.requestsDone();
    app.getHttpServer().closeIdleConnections?.();
    try {
      await app.close();
      logger.log({ msg: `Stopped in ${Date.now() - since} ms`, ms: Date.now() - since });
      exit(0);
    } catch (err) {
      logger.error({ msg: `Shutdown failed: ${(err as Error).message}` });
      exit(1);
    }
  };
  for (const signal of signals) signalSource.once(signal, () => void stop(signal));
}
