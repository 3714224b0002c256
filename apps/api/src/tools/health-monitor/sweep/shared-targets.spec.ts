import type { Monitor } from '../entities/monitor.entity';
import { groupSharedTargets } from './shared-targets';

let n = 0;
const monitor = (over: Partial<Monitor> = {}): Monitor =>
  ({
    id: `m${++n}`,
    organizationId: 'org-a',
    name: 'X status',
    platform: 'twitter',
    kind: 'statuspage',
    url: 'https://status.example/api/v2/summary.json',
    method: 'GET',
    headers: {},
    accessTokenEncrypted: null,
    expectedStatus: 200,
    components: [],
    timeoutMs: 5000,
    intervalSeconds: 300,
    enabled: true,
    isDefault: true,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...over,
  }) as Monitor;

const ids = (groups: Monitor[][]) => groups.map((g) => g.map((m) => m.id));

describe('groupSharedTargets', () => {
  it("probes one public status page once for every organization's monitor of it", () => {
    const a = monitor({ organizationId: 'org-a' });
    const b = monitor({ organizationId: 'org-b', name: 'Twitter' });
    const c = monitor({ organizationId: 'org-c', platform: 'facebook', url: 'https://meta.example/api/v2/summary.json' });
    const d = monitor({ organizationId: 'org-d', platform: 'instagram', url: 'https://meta.example/api/v2/summary.json' });
    expect(ids(groupSharedTargets([a, b, c, d]))).toEqual([[a.id, b.id], [c.id, d.id]]);
  });

  it('treats header order and case, and component order, as the same target', () => {
    const a = monitor({ headers: { Accept: 'application/json', 'X-Trace': '1' }, components: ['API', 'Web'] });
    const b = monitor({ headers: { 'x-trace': '1', accept: 'application/json' }, components: ['Web', 'API'] });
    expect(ids(groupSharedTargets([a, b]))).toEqual([[a.id, b.id]]);
  });

  it('keeps targets apart when anything that shapes the probe differs', () => {
    const base = monitor();
    const variants = [
      monitor({ kind: 'http' }),
      monitor({ method: 'HEAD' }),
      monitor({ headers: { accept: 'text/plain' } }),
      monitor({ expectedStatus: 204 }),
      monitor({ components: ['API'] }),
      monitor({ timeoutMs: 1000 }),
      monitor({ url: 'https://status.example/other.json' }),
    ];
    expect(groupSharedTargets([base, ...variants])).toHaveLength(8);
  });

  it('reads http and platform-api answers per platform', () => {
    const a = monitor({ kind: 'http', platform: 'facebook' });
    const b = monitor({ kind: 'http', platform: 'instagram' });
    expect(groupSharedTargets([a, b])).toHaveLength(2);
  });

  it('never shares a monitor that has an access token', () => {
    const a = monitor({ kind: 'platform-api', accessTokenEncrypted: 'v1:a:b:c' });
    const b = monitor({ kind: 'platform-api', accessTokenEncrypted: 'v1:a:b:c' });
    const c = monitor({ kind: 'platform-api' });
    expect(ids(groupSharedTargets([a, b, c]))).toEqual([[c.id], [a.id], [b.id]]);
  });
});
