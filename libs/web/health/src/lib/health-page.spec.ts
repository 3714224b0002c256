import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HEALTH_SOCKET_CONNECTOR, TOKEN_STORAGE_KEY } from '@postprober/web/data-access';
import { HealthPage } from './health-page';
import { FakeChannel, allByTestId, byTestId, incident, monitorHealth, nextRequest, settle } from './testing';

describe('HealthPage', () => {
  let http: HttpTestingController;
  let channel: FakeChannel;

  async function render() {
    localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token: 'jwt', expiresAt: Date.now() + 60_000 }));
    // jsdom has no canvas: the chart shows its text summary only.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    channel = new FakeChannel();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: HEALTH_SOCKET_CONNECTOR, useValue: channel.connector },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HealthPage);
    await settle(fixture);
    (await nextRequest(http, 'GET', '/api/alerts')).flush({ alerts: [], has_more: false, unread_count: 0, last_read_id: null });
    (await nextRequest(http, 'GET', '/api/health-status')).flush({
      platforms: [],
      overall_status: 'degraded',
      last_updated: '2026-11-25T10:00:00.000Z',
      monitors: [
        monitorHealth(),
        monitorHealth({
          monitor_id: 'm-li',
          name: 'LinkedIn API',
          platform: 'linkedin',
          status: 'degraded',
          response_time: 900,
          rate_limit_used: 85,
          rate_limit_total: 100,
        }),
      ],
    });
    const incidents = await nextRequest(http, 'GET', '/api/incidents');
    expect(incidents.request.params.get('page')).toBe('1');
    incidents.flush({ items: [incident(), incident({ id: 'i0', status: 'resolved', severity: 'warning', resolved_at: '2026-11-25T09:00:00.000Z' })], total: 2, page: 1, page_size: 10 });
    const history = await nextRequest(http, 'GET', '/api/health-history');
    expect(history.request.params.get('monitor')).toBe('m-x');
    expect(history.request.params.get('hours')).toBe('24');
    history.flush({
      monitor_id: 'm-x',
      hours: 24,
      series: [
        { checked_at: '2026-11-25T09:50:00.000Z', status: 'healthy', latency_ms: 200, http_status: 200 },
        { checked_at: '2026-11-25T09:55:00.000Z', status: 'down', latency_ms: null, http_status: 503 },
        { checked_at: '2026-11-25T10:00:00.000Z', status: 'healthy', latency_ms: 180, http_status: 200 },
      ],
    });
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => {
    http.verify();
    localStorage.clear();
    jest.restoreAllMocks();
  });

  it('shows a card per monitor, the selected monitor latency and recent incidents', async () => {
    const { el } = await render();

    const cards = allByTestId(el, 'monitor-card');
    expect(cards).toHaveLength(2);
    expect(cards[0].textContent).toContain('X API');
    expect(byTestId(cards[0], 'monitor-latency').textContent).toBe('180 ms');
    expect(byTestId(cards[0], 'monitor-http').textContent).toBe('200');
    expect(cards[0].querySelector('[data-testid="monitor-rate-limit"]')).toBeNull();
    const meter = byTestId(cards[1], 'monitor-rate-limit');
    expect(meter.getAttribute('aria-valuenow')).toBe('85');
    expect(cards[1].textContent).toContain('85 of 100 used');
    expect(byTestId(cards[1], 'monitor-status').textContent?.trim()).toBe('Degraded');

    expect(byTestId(el, 'latency-summary').textContent).toBe(
      'X API: 3 checks, 1 not healthy; latency median 180 ms, fastest 180 ms, slowest 200 ms.',
    );
    const rows = allByTestId(el, 'incident-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Ongoing');
    expect(rows[0].textContent).toContain('Pause scheduled posts to X');
    expect(rows[1].textContent).toContain('Resolved');
    expect(byTestId(el, 'health-overall').textContent).toContain('Degraded');
  });

  it('says whether updates are live or polled', async () => {
    const { fixture, el } = await render();
    expect(byTestId(el, 'health-live').textContent?.trim()).toBe('Connecting…');

    channel.handlers?.connected();
    await settle(fixture);
    expect(byTestId(el, 'health-live').textContent?.trim()).toBe('Live');

    channel.handlers?.disconnected();
    await settle(fixture);
    expect(byTestId(el, 'health-live').textContent).toContain('checking every 10 s');
  });

  it('updates cards and chart from pushed results, and reloads incidents on alerts', async () => {
    const { fixture, el } = await render();
    channel.handlers?.connected();
    channel.handlers?.status({
      ...monitorHealth({ status: 'down', response_time: null, http_status: 503, error_class: 'http-status' }),
      last_check: '2026-11-25T10:05:00.000Z',
    });
    await settle(fixture);

    const card = allByTestId(el, 'monitor-card')[0];
    expect(byTestId(card, 'monitor-status').textContent?.trim()).toBe('Down');
    expect(byTestId(card, 'monitor-http').textContent).toBe('503');
    expect(byTestId(card, 'monitor-error').textContent).toBe('Unexpected HTTP status');
    expect(byTestId(el, 'latency-summary').textContent).toContain('4 checks, 2 not healthy');

    channel.handlers?.alert({
      id: '11',
      type: 'opened',
      incident_id: 'i2',
      monitor_id: 'm-x',
      platform: 'twitter',
      kind: 'availability',
      severity: 'critical',
      message: 'X API is down',
      action: 'Pause posts',
      timestamp: '2026-11-25T10:05:00.000Z',
    });
    await settle(fixture);
    (await nextRequest(http, 'GET', '/api/incidents')).flush({
      items: [incident({ id: 'i2', message: 'X API is down' })],
      total: 1,
      page: 1,
      page_size: 10,
    });
    await settle(fixture);
    expect(allByTestId(el, 'incident-row').map((r) => r.querySelector('.message')?.textContent)).toEqual(['X API is down']);
  });

  it('expands an incident to its events', async () => {
    const { fixture, el } = await render();
    const row = allByTestId(el, 'incident-row')[0];
    const toggle = row.querySelector('button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    (await nextRequest(http, 'GET', '/api/incidents/i1')).flush({
      ...incident(),
      events: [
        { id: 'e1', type: 'opened', severity: 'warning', message: 'X API is slow', created_at: '2026-11-25T09:50:00.000Z' },
        { id: 'e2', type: 'escalated', severity: 'critical', message: 'X API is not answering', created_at: '2026-11-25T09:55:00.000Z' },
      ],
    });
    await settle(fixture);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const events = byTestId(row, 'incident-events').querySelectorAll('li');
    expect(events).toHaveLength(2);
    expect(events[1].textContent).toContain('escalated');
  });

  it('switches the chart to another monitor', async () => {
    const { fixture, el } = await render();
    (allByTestId(el, 'monitor-card')[1].querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
    const history = await nextRequest(http, 'GET', '/api/health-history');
    expect(history.request.params.get('monitor')).toBe('m-li');
    history.flush({ monitor_id: 'm-li', hours: 24, series: [] });
    await settle(fixture);
    expect(byTestId(el, 'latency-summary').textContent).toBe('LinkedIn API: no checks in this period yet.');
    expect(allByTestId(el, 'monitor-card')[1].classList).toContain('selected');
  });
});
