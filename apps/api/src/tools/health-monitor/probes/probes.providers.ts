import type { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { HttpProbe } from './http.probe';
import { PLATFORM_PROBES, PlatformProbe } from './platform-probe.port';
import { PlatformApiProbe } from './platform-api.probe';
import { StatusPageProbe } from './statuspage.probe';

/** The probe adapters, one per kind, as one array under PLATFORM_PROBES. */
export function createPlatformProbes(config: AppConfig): PlatformProbe[] {
  const options = { allowPrivate: config.health.allowPrivateTargets };
  return [new HttpProbe(options), new PlatformApiProbe(options), new StatusPageProbe(options)];
}

export const PROBE_PROVIDERS: Provider[] = [
  {
    provide: PLATFORM_PROBES,
    inject: [APP_CONFIG],
    useFactory: createPlatformProbes,
  },
];
