import { z } from 'zod';
import { baseResult, ProbeRequestOptions, sendProbeRequest } from './http-request';
import type { PlatformProbe, ProbeResult, ProbeTarget, StatusPageReading } from './platform-probe.port';

/** The parts of Atlassian Statuspage's /api/v2/summary.json (or status.json) the monitor reads. */
const statusPageSchema = z.object({
  page: z.object({ id: z.string(), name: z.string() }),
  status: z.object({
    indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
    description: z.string(),
  }),
  // status.json has no components: only the overall indicator is then known.
  components: z
    .array(
      z.object({
        name: z.string(),
        status: z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']),
      }),
    )
    .default([]),
});

/** Reads a platform's public status page: the overall indicator and the watched components. */
export class StatusPageProbe implements PlatformProbe {
  readonly kind = 'statuspage' as const;

  constructor(private readonly options: ProbeRequestOptions) {}

  async probe(target: ProbeTarget): Promise<ProbeResult> {
    const checkedAt = new Date();
    const outcome = await sendProbeRequest(target, this.options);
    const result = baseResult(checkedAt, outcome);
    if (result.errorClass !== null) return result;
    if (outcome.status !== 200) {
      return { ...result, errorClass: 'http-status', errorMessage: `HTTP ${outcome.status}` };
    }
    const reading = readStatusPage(outcome.body.toString('utf8'), target.components);
    if (typeof reading === 'string') return { ...result, errorClass: 'bad-response', errorMessage: reading };
    return { ...result, statusPage: reading };
  }
}

/** The reading, or why the body is not a Statuspage document. */
export function readStatusPage(body: string, watched: string[]): StatusPageReading | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'Status page answer is not JSON';
  }
  const parsed = statusPageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `Status page answer is not in Statuspage format (${issue.path.join('.') || 'body'}: ${issue.message})`;
  }
  const wanted = new Set(watched.map((name) => name.trim().toLowerCase()));
  const components = parsed.data.components
    .filter((c) => wanted.size === 0 || wanted.has(c.name.trim().toLowerCase()))
    .map((c) => ({ name: c.name, status: c.status }));
  return { indicator: parsed.data.status.indicator, description: parsed.data.status.description, components };
}
