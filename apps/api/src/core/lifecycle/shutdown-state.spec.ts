import { ShutdownCutError, ShutdownState } from './shutdown-state';

describe('ShutdownState', () => {
  it('is not stopping until begin(), and cutting aborts the signal with a ShutdownCutError', () => {
    const state = new ShutdownState();
    expect(state.stopping).toBe(false);
    expect(state.remainingMs()).toBeNull();
    state.begin(10_000);
    expect(state.stopping).toBe(true);
    expect(state.signal.aborted).toBe(false);
    expect(state.remainingMs()).toBeGreaterThan(9_000);
    state.cutInFlight();
    expect(state.signal.aborted).toBe(true);
    expect(state.signal.reason).toBeInstanceOf(ShutdownCutError);
  });

  it('requestsDone waits for every started request to end', async () => {
    const state = new ShutdownState();
    await expect(state.requestsDone()).resolves.toBeUndefined();
    state.requestStarted();
    state.requestStarted();
    let done = false;
    const waiting = state.requestsDone().then(() => (done = true));
    state.requestEnded();
    await Promise.resolve();
    expect(done).toBe(false);
    state.requestEnded();
    await waiting;
    expect(done).toBe(true);
  });
});
