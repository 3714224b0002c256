import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MONITORING_PAUSED, summarizeHealth, type HealthAlert, type PausedReason, type MonitorHealthRow, type MonitorStatus } from '@postprober/shared/health-events';
import type { MonitorPlatform } from '@postprober/shared/platforms';
import { HEALTH_SOCKET_CONNECTOR, HealthSocketHandlers, TOKEN_STORAGE_KEY } from '@postprober/web/data-access';
import { allByTestId, settle } from '@postprober/web/testing';
import { HealthWidget } from './health-widget';

const alert = (id: string, severity: HealthAlert['severity'], message: string): HealthAlert => ({
  id,
  type: 'opened',
  incident_id: `i${id}`,
  monitor_id: 'm1',
  platform: 'facebook',
  kind: 'availability',
  severity,
  message,
  action: '',
  timestamp: '2026-11-25T10:00:00.000Z',
});

/** One monitor row; checked a second ago unless `lastCheck` says otherwise (null: never checked). */
const monitor = (platform: MonitorPlatform, status: MonitorStatus, ms: number | null, lastCheck: string | null = new Date(Date.now() - 1_000).toISOString()): MonitorHealthRow => ({
  monitor_id: `m-${platform}`,
  name: `${platform} API`,
  platform,
  probe_kind: 'platform-api',
  status,
  response_time: ms,
  http_status: ms === null ? null : 200,
  error_class: null,
  error_rate: status === 'pending' ? null : 0,
  rate_limit_used: null,
  rate_limit_total: null,
  rate_limit_percent: null,
  last_check: status === 'pending' ? null : lastCheck,
  interval_seconds: 300,
});

/** GET /api/health-status as the API renders it: platform rows derived from the monitor rows by the shared rule. */
const snapshot = (monitors: MonitorHealthRow[], statusReason: PausedReason | null = null) => {
  const summary = summarizeHealth(monitors, Date.now(), statusReason);
  return { ...summary, last_updated: new Date().toISOString(), monitors };
};

describe('HealthWidget', () => {
  let http: HttpTestingController;
  let socket: HealthSocketHandlers;

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  function open() {
    localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token: 'jwt', expiresAt: Date.now() + 60_000 }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: HEALTH_SOCKET_CONNECTOR, useValue: () => ({ close: () => undefined }) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.createComponent(HealthWidget);
  }

  it('shows monitors that were not checked yet as pending, not as "nothing monitored"', async () => {
    const fixture = open();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/alerts').flush({ alerts: [], has_more: false, unread_count: 0, last_read_id: null });
    const platforms = ['twitter', 'linkedin', 'instagram', 'facebook'] as const;
    http.expectOne('/api/health-status').flush(snapshot(platforms.map((p) => monitor(p, 'pending', null))));
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).not.toContain('No platforms are monitored yet');
    const states = Array.from(el.querySelectorAll('[data-testid="health-widget-platform"] .state')).map((s) => s.textContent?.trim());
    expect(states).toEqual(['Pending first check', 'Pending first check', 'Pending first check', 'Pending first check']);
  });

  it('says nothing is monitored only when there are no enabled monitors', async () => {
    const fixture = open();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/alerts').flush({ alerts: [], has_more: false, unread_count: 0, last_read_id: null });
    http.expectOne('/api/health-status').flush(snapshot([]));
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No platforms are monitored yet');
  });

  it('shows each platform with its status and latency, the two latest alerts, and follows pushes', async () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token: 'jwt', expiresAt: Date.now() + 60_000 }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: HEALTH_SOCKET_CONNECTOR,
          useValue: (_auth: unknown, handlers: HealthSocketHandlers) => {
            socket = handlers;
            return { close: () => undefined };
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HealthWidget);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain('Loading platform health');

    http.expectOne((r) => r.url === '/api/alerts').flush({
      alerts: [alert('1', 'info', 'old'), alert('3', 'critical', 'Facebook is down'), alert('2', 'warning', 'Facebook is slow')],
      has_more: false,
      unread_count: 0,
      last_read_id: '3',
    });
    http.expectOne('/api/health-status').flush(snapshot([monitor('twitter', 'healthy', 180), monitor('facebook', 'down', null)]));
    await settle(fixture);

    const rows = allByTestId(el, 'health-widget-platform');
    const cells = (row: Element) => Array.from(row.querySelectorAll('span:not(.dot)')).map((s) => s.textContent?.trim());
    expect(rows.map(cells)).toEqual([
      ['X (Twitter)', 'Healthy', '180 ms'],
      ['Facebook', 'Down', '—'],
    ]);
    expect(rows[1].querySelector('.dot')?.classList).toContain('error');
    const alerts = allByTestId(el, 'health-widget-alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      expect.stringContaining('Facebook is down'),
      expect.stringContaining('Facebook is slow'),
    ]);
    expect(alerts[0].classList).toContain('critical');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/health');

    socket.alert(alert('4', 'info', 'Facebook recovered'));
    await settle(fixture);
    expect(el.querySelector('[data-testid="health-widget-alert"]')?.textContent).toContain('Facebook recovered');
  });

  it('says the status is unknown, and why, when the checks stopped coming (stale rows)', async () => {
    const fixture = open();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/alerts').flush({ alerts: [], has_more: false, unread_count: 0, last_read_id: null });
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000 - 10_000).toISOString(); // over two 300 s intervals
    http.expectOne('/api/health-status').flush(snapshot([monitor('twitter', 'healthy', 180, tenMinutesAgo)], MONITORING_PAUSED.queue));
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="health-widget-stale"]')?.textContent).toContain('Status unknown: monitoring paused: queue unreachable');
    expect(el.querySelector('[data-testid="health-widget-platform"] .state')?.textContent?.trim()).toBe('Healthy (stale)');
  });
});
