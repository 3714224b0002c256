export * from './lib/platform-sim.server';
export { SIM_PLATFORMS, InvalidPatchError } from './lib/sim-state';
export type {
  SimPlatform,
  SimStatusIndicator,
  SimComponentStatus,
  MetaThrottleCode,
  DownMode,
  PlatformState,
  BenchState,
} from './lib/sim-state';
