/** Atlassian Statuspage v2 documents (summary.json, status.json) for a simulated platform. */
import type { PlatformState, SimComponentStatus, SimPlatform, SimStatusIndicator } from './sim-state';

const STATUS_COMPONENTS = ['API', 'Posting', 'Media uploads'] as const;

const labels: Record<SimPlatform, string> = { twitter: 'X', facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** Statuspage's own wording for each overall indicator. */
const descriptions: Record<SimStatusIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
};

/** Which components an indicator degrades, unless the state names them explicitly. */
const impactByIndicator: Record<SimStatusIndicator, Partial<Record<(typeof STATUS_COMPONENTS)[number], SimComponentStatus>>> = {
  none: {},
  minor: { 'Media uploads': 'degraded_performance' },
  major: { Posting: 'partial_outage', 'Media uploads': 'degraded_performance' },
  critical: { API: 'major_outage', Posting: 'major_outage', 'Media uploads': 'major_outage' },
  maintenance: { 'Media uploads': 'under_maintenance' },
};

export interface StatusPageContext {
  platform: SimPlatform;
  state: PlatformState;
  /** When the platform's state last changed: used as the incident's start. */
  since: Date;
  baseUrl: string;
}

export function statusDocument(ctx: StatusPageContext) {
  return { page: pageOf(ctx), status: { indicator: ctx.state.status_indicator, description: descriptions[ctx.state.status_indicator] } };
}

export function summaryDocument(ctx: StatusPageContext) {
  const { platform, state, since } = ctx;
  const pageId = `sim${platform}`;
  const at = since.toISOString();
  const names = [...new Set<string>([...STATUS_COMPONENTS, ...Object.keys(state.components)])];
  const components = names.map((name, i) => ({
    id: componentId(platform, name),
    name,
    status: state.components[name] ?? impactByIndicator[state.status_indicator][name as (typeof STATUS_COMPONENTS)[number]] ?? 'operational',
    created_at: '2020-01-01T00:00:00.000Z',
    updated_at: at,
    position: i + 1,
    description: null,
    showcase: true,
    start_date: '2020-01-01',
    group_id: null,
    page_id: pageId,
    group: false,
    only_show_if_degraded: false,
  }));
  const affected = components.filter((c) => c.status !== 'operational');
  const incidentImpact = state.status_indicator === 'maintenance' ? 'none' : state.status_indicator;
  const incidents =
    incidentImpact === 'none'
      ? []
      : [
          {
            id: `${pageId}-incident`,
            name: `Elevated errors on ${affected.map((c) => c.name).join(', ') || 'some requests'}`,
            status: 'investigating',
            created_at: at,
            updated_at: at,
            monitoring_at: null,
            resolved_at: null,
            impact: incidentImpact,
            shortlink: `${ctx.baseUrl}/${platform}/status/incidents/1`,
            started_at: at,
            page_id: pageId,
            incident_updates: [
              {
                id: `${pageId}-update-1`,
                status: 'investigating',
                body: 'We are investigating reports of errors and will share an update soon.',
                incident_id: `${pageId}-incident`,
                created_at: at,
                updated_at: at,
                display_at: at,
                affected_components: affected.map((c) => ({ code: c.id, name: c.name, old_status: 'operational', new_status: c.status })),
                deliver_notifications: true,
                custom_tweet: null,
                tweet_id: null,
              },
            ],
            components: affected,
          },
        ];
  const scheduledMaintenances =
    state.status_indicator === 'maintenance'
      ? [
          {
            id: `${pageId}-maintenance`,
            name: 'Scheduled maintenance',
            status: 'in_progress',
            created_at: at,
            updated_at: at,
            monitoring_at: null,
            resolved_at: null,
            impact: 'maintenance',
            shortlink: `${ctx.baseUrl}/${platform}/status/incidents/2`,
            started_at: at,
            page_id: pageId,
            incident_updates: [],
            components: affected,
            scheduled_for: at,
            scheduled_until: new Date(since.getTime() + 2 * 3600_000).toISOString(),
          },
        ]
      : [];
  return {
    ...statusDocument(ctx),
    components,
    incidents,
    scheduled_maintenances: scheduledMaintenances,
  };
}

function pageOf({ platform, since, baseUrl }: StatusPageContext) {
  return {
    id: `sim${platform}`,
    name: `${labels[platform]} (simulated)`,
    url: `${baseUrl}/${platform}/status`,
    time_zone: 'Etc/UTC',
    updated_at: since.toISOString(),
  };
}

function componentId(platform: SimPlatform, name: string): string {
  return `${platform}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
