import { baseResult, ProbeRequestOptions, sendProbeRequest } from './http-request';
import type { PlatformProbe, ProbeResult, ProbeTarget } from './platform-probe.port';

/** Plain uptime check: the expected status within the timeout; reports latency and body size. */
export class HttpProbe implements PlatformProbe {
  readonly kind = 'http' as const;

  constructor(private readonly options: ProbeRequestOptions) {}

  async probe(target: ProbeTarget): Promise<ProbeResult> {
    const checkedAt = new Date();
    const outcome = await sendProbeRequest(target, this.options);
    const result = baseResult(checkedAt, outcome);
    if (result.errorClass === null && outcome.status !== target.expectedStatus) {
      result.errorClass = 'http-status';
      result.errorMessage = `HTTP ${outcome.status}, expected ${target.expectedStatus}`;
    }
    return result;
  }
}
