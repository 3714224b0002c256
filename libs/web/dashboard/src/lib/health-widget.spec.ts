import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { HealthAlert } from '@postprober/shared/health-events';
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

const platform = (name: string, status: 'healthy' | 'degraded' | 'down', ms: number | null) => ({
  platform: name,
  status,
  response_time: ms,
  error_rate: 0,
  rate_limit_used: null,
  rate_limit_total: null,
  rate_limit_percent: null,
  last_check: '2026-11-25T10:00:00.000Z',
  monitors: 1,
});

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
    const pending = (name: string) => ({ ...platform(name, 'healthy', null), status: 'pending', error_rate: null, last_check: null });
    http.expectOne('/api/health-status').flush({
      platforms: ['twitter', 'linkedin', 'instagram', 'facebook'].map(pending),
      overall_status: 'unknown',
      last_updated: '2026-11-25T10:00:00.000Z',
      monitors: [],
    });
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
    http.expectOne('/api/health-status').flush({ platforms: [], overall_status: 'unknown', last_updated: '2026-11-25T10:00:00.000Z', monitors: [] });
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
    http.expectOne('/api/health-status').flush({
      platforms: [platform('twitter', 'healthy', 180), platform('facebook', 'down', null)],
      overall_status: 'down',
      last_updated: '2026-11-25T10:00:00.000Z',
      monitors: [],
    });
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
});
