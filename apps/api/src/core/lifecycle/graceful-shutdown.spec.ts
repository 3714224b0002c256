import { EventEmitter } from 'node:events';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { installGracefulShutdown } from './graceful-shutdown';
import { ShutdownState } from './shutdown-state';

/** Just enough of the app for the installer: get(ShutdownState), the HTTP server, close(). */
function fakeApp(close: () => Promise<void>) {
  const state = new ShutdownState();
  const app = { get: () => state, getHttpServer: () => ({ closeIdleConnections: jest.fn() }), close: jest.fn(close) };
  return { app: app as unknown as NestFastifyApplication, state, close: app.close };
}

describe('installGracefulShutdown', () => {
  const signal = 'SIGTERM' as NodeJS.Signals;
  let source: EventEmitter;
  beforeEach(() => (source = new EventEmitter()));

  it('marks the process stopping, waits for requests in flight, closes the app and exits 0', async () => {
    const { app, state, close } = fakeApp(async () => undefined);
    const exits: number[] = [];
    state.requestStarted();
    installGracefulShutdown(app, { timeoutMs: 5_000, signals: [signal], signalSource: source, exit: (code) => exits.push(code) });
    source.emit(signal);
    expect(state.stopping).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(close).not.toHaveBeenCalled(); // a request is still being answered
    state.requestEnded();
    await new Promise((r) => setImmediate(r));
    expect(close).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
  });

  it('cuts in-flight work at half the budget and exits 1 when closing never finishes', async () => {
    jest.useFakeTimers();
    try {
      const { app, state } = fakeApp(() => new Promise(() => undefined)); // e.g. a dependency that never answers
      const exits: number[] = [];
      installGracefulShutdown(app, { timeoutMs: 4_000, signals: [signal], signalSource: source, exit: (code) => exits.push(code) });
      source.emit(signal);
      jest.advanceTimersByTime(1_999);
      expect(state.signal.aborted).toBe(false);
      jest.advanceTimersByTime(1);
      expect(state.signal.aborted).toBe(true);
      jest.advanceTimersByTime(2_000);
      expect(exits).toEqual([1]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('acts on the first signal only', async () => {
    const { app, close } = fakeApp(async () => undefined);
    const exits: number[] = [];
    installGracefulShutdown(app, { timeoutMs: 5_000, signals: [signal], signalSource: source, exit: (code) => exits.push(code) });
    source.emit(signal);
    source.emit(signal);
    await new Promise((r) => setImmediate(r));
    expect(close).toHaveBeenCalledTimes(1);
  });
});
