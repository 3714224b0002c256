export * from './lib/platform-sim.server';
export {
  SIM_PLATFORMS,
  STATUS_INDICATORS,
  COMPONENT_STATUSES,
  META_THROTTLE_CODES,
  InvalidPatchError,
  platformFromSlug,
} from './lib/sim-state';
export type {
  SimPlatform,
  SimStatusIndicator,
  SimComponentStatus,
  MetaThrottleCode,
  DownMode,
  PlatformState,
  BenchState,
} from './lib/sim-state';
export { X_USERS_ME_LIMIT, META_REGAIN_MINUTES, META_BUSINESS_ID } from './lib/platform-replies';
export { STATUS_COMPONENTS } from './lib/status-page';
