import { readStatusPage } from './statuspage.probe';

/** Trimmed from a real Atlassian Statuspage /api/v2/summary.json. */
const summary = (indicator: string, components: [string, string][]) =>
  JSON.stringify({
    page: { id: 'kctbh9vrtdwd', name: 'X API', url: 'https://api.twitterstat.us', time_zone: 'Etc/UTC', updated_at: '2026-11-25T04:10:12.345Z' },
    components: components.map(([name, status], i) => ({
      id: `c${i}`,
      name,
      status,
      created_at: '2020-01-01T00:00:00.000Z',
      updated_at: '2026-11-25T04:10:12.345Z',
      position: i + 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: 'kctbh9vrtdwd',
      group: false,
      only_show_if_degraded: false,
    })),
    incidents: [],
    scheduled_maintenances: [],
    status: { indicator, description: indicator === 'none' ? 'All Systems Operational' : 'Partial System Outage' },
  });

const page = summary('major', [
  ['API', 'operational'],
  ['Posting', 'partial_outage'],
  ['Media uploads', 'degraded_performance'],
]);

describe('readStatusPage', () => {
  it('reads the indicator and every component when none are watched', () => {
    expect(readStatusPage(page, [])).toEqual({
      indicator: 'major',
      description: 'Partial System Outage',
      components: [
        { name: 'API', status: 'operational' },
        { name: 'Posting', status: 'partial_outage' },
        { name: 'Media uploads', status: 'degraded_performance' },
      ],
    });
  });

  it('keeps only the watched components, matching names case-insensitively', () => {
    expect(readStatusPage(page, ['posting', ' MEDIA UPLOADS ', 'Webhooks'])).toMatchObject({
      components: [
        { name: 'Posting', status: 'partial_outage' },
        { name: 'Media uploads', status: 'degraded_performance' },
      ],
    });
  });

  it('accepts status.json, which has no components', () => {
    const statusJson = JSON.stringify({ page: { id: 'p', name: 'LinkedIn', url: 'u', updated_at: 't' }, status: { indicator: 'maintenance', description: 'Service Under Maintenance' } });
    expect(readStatusPage(statusJson, [])).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance', components: [] });
  });

  it('says why a body is not a Statuspage document', () => {
    expect(readStatusPage('<html>Sorry</html>', [])).toBe('Status page answer is not JSON');
    expect(readStatusPage(summary('purple', []), [])).toMatch(/^Status page answer is not in Statuspage format \(status\.indicator: /);
    expect(readStatusPage(JSON.stringify({ status: 'ok' }), [])).toMatch(/not in Statuspage format/);
    expect(readStatusPage(summary('none', [['API', 'on fire']]), [])).toMatch(/components\.0\.status/);
  });
});
