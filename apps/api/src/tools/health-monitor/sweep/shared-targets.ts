import type { Monitor } from '../entities/monitor.entity';

/** The monitors one probe serves: the first is probed, the result is recorded for every one of them. */
export type ProbeGroup = Monitor[];

/**
 * Groups due monitors so a public target watched by many organizations is probed once per sweep.
 * Only monitors without an access token are shared (a token makes the answer that account's), and only
 * when everything that shapes the request or its reading is the same. The platform is part of the key for
 * platform-api and http probes (their answers are read per platform); a status page reads the same for all.
 */
export function groupSharedTargets(monitors: readonly Monitor[]): ProbeGroup[] {
  const groups = new Map<string, ProbeGroup>();
  const single: ProbeGroup[] = [];
  for (const m of monitors) {
    if (m.accessTokenEncrypted) {
      single.push([m]);
      continue;
    }
    const key = sharedTargetKey(m);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values(), ...single];
}

function sharedTargetKey(m: Monitor): string {
  const headers = Object.entries(m.headers ?? {})
    .map(([k, v]) => [k.toLowerCase(), v])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    m.kind,
    m.kind === 'statuspage' ? null : m.platform,
    m.url,
    m.method,
    headers,
    m.expectedStatus,
    [...m.components].sort(),
    m.timeoutMs,
  ]);
}
