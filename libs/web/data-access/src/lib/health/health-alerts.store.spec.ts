import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../auth.interceptor';
import { AuthStore } from '../auth.store';
import { meResponse, nextRequest, storeToken } from '../testing';
import { TOKEN_STORAGE_KEY } from '../token-storage';
import { BrowserNotifications } from './browser-notifications';
import { HEALTH_POLL_INTERVAL_MS, HealthAlertsStore, LAST_ALERT_ID_KEY } from './health-alerts.store';
import { HEALTH_SOCKET_CONNECTOR } from './health-socket';
import { FakeHealthChannel, alert, healthStatus } from './health-testing';

describe('HealthAlertsStore', () => {
  let http: HttpTestingController;
  let channel: FakeHealthChannel;
  let shown: string[];

  function setUp(): HealthAlertsStore {
    channel = new FakeHealthChannel();
    shown = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: HEALTH_SOCKET_CONNECTOR, useValue: channel.connector },
      ],
    });
    jest.spyOn(TestBed.inject(BrowserNotifications), 'show').mockImplementation((a) => shown.push(a.id));
    http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(HealthAlertsStore);
    TestBed.tick();
    return store;
  }

  /** Waits for one request matching method + path (the store's calls go through promises). */
  const request = (method: string, path: string): Promise<TestRequest> => nextRequest(http, method, path);

  /** Signs in with the server holding `alerts`, read up to `lastRead`; returns once the socket is opened. */
  async function open(alerts = [alert('5'), alert('4')], lastRead: string | null = '4', unread = 1) {
    const store = setUp();
    const list = await request('GET', '/api/alerts');
    expect(list.request.params.get('after')).toBeNull();
    list.flush({ alerts, has_more: false, unread_count: unread, last_read_id: lastRead });
    (await request('GET', '/api/health-status')).flush(healthStatus());
    for (let i = 0; i < 20 && channel.connections.length === 0; i++) await tick();
    return store;
  }

  beforeEach(() => {
    localStorage.clear();
    storeToken('jwt-1');
  });
  afterEach(() => http.verify());

  it('loads alerts and unread state from the server, then opens the socket with token and last id', async () => {
    localStorage.setItem(LAST_ALERT_ID_KEY, '3');
    const store = await open();

    expect(store.alerts().map((a) => a.id)).toEqual(['5', '4']);
    expect(store.unreadCount()).toBe(1);
    expect(store.status()?.monitors[0].name).toBe('X status page');
    expect(channel.connections).toHaveLength(1);
    expect(channel.current.auth()).toEqual({ token: 'jwt-1', lastAlertId: '5' });
    expect(localStorage.getItem(LAST_ALERT_ID_KEY)).toBe('5');
    expect(store.mode()).toBe('connecting');
    channel.current.handlers.connected();
    expect(store.connected()).toBe(true);
    expect(shown).toEqual([]);
  });

  it('keeps one entry per alert id, newest first, and counts and notifies each once', async () => {
    const store = await open();
    const { handlers } = channel.current;
    handlers.connected();

    handlers.alert(alert('7'));
    handlers.alert(alert('6'));
    handlers.alert(alert('7'));
    handlers.alert(alert('5'));

    expect(store.alerts().map((a) => a.id)).toEqual(['7', '6', '5', '4']);
    expect(store.unreadCount()).toBe(3);
    expect(shown).toEqual(['7', '6']);
    expect(store.alertsReceived()).toBe(2);
    // A reconnect asks for what came after the newest alert seen.
    expect(channel.current.auth().lastAlertId).toBe('7');
    expect(localStorage.getItem(LAST_ALERT_ID_KEY)).toBe('7');
  });

  it('compares ids as numbers, not text', async () => {
    const store = await open([alert('9')], '9', 0);
    channel.current.handlers.alert(alert('10'));
    expect(store.alerts().map((a) => a.id)).toEqual(['10', '9']);
    expect(store.unreadCount()).toBe(1);
  });

  it('marks everything read on the server', async () => {
    const store = await open([alert('5'), alert('4')], null, 7);
    expect(store.unreadCount()).toBe(7);

    const done = store.markAllRead();
    const put = await request('PUT', '/api/alerts/read');
    expect(put.request.body).toEqual({ last_read_id: '5' });
    put.flush({ last_read_id: '5', unread_count: 0 });
    await done;

    expect(store.unreadCount()).toBe(0);
    channel.current.handlers.alert(alert('6'));
    expect(store.unreadCount()).toBe(1);
  });

  it('polls the REST API while the socket is down, and stops when it is back', async () => {
    const intervals: (() => void)[] = [];
    jest.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      expect(ms).toBe(HEALTH_POLL_INTERVAL_MS);
      intervals.push(fn);
      return 42 as unknown as ReturnType<typeof setInterval>;
    }) as typeof setInterval);
    const cleared = jest.spyOn(globalThis, 'clearInterval');
    const store = await open();
    const { handlers } = channel.current;

    handlers.disconnected();
    expect(store.mode()).toBe('polling');
    expect(intervals).toHaveLength(1);

    intervals[0]();
    const poll = await request('GET', '/api/alerts');
    expect(poll.request.params.get('after')).toBe('5');
    poll.flush({ alerts: [alert('5'), alert('6')], has_more: true, unread_count: 3, last_read_id: '4' });
    // The store re-derives platform rows and overall status from the monitor rows (the API's rule): a down monitor.
    const downMonitor = { ...healthStatus().monitors[0], status: 'down' as const };
    (await request('GET', '/api/health-status')).flush(healthStatus({ overall_status: 'down', monitors: [downMonitor] }));
    // More than one page was missed: it pages on from the last id received.
    const next = await request('GET', '/api/alerts');
    expect(next.request.params.get('after')).toBe('6');
    next.flush({ alerts: [alert('7', { severity: 'info' })], has_more: false, unread_count: 3, last_read_id: '4' });
    await tick();

    expect(store.alerts().map((a) => a.id)).toEqual(['7', '6', '5', '4']);
    expect(store.unreadCount()).toBe(3);
    expect(store.status()?.overall_status).toBe('down');
    expect(shown).toEqual(['6', '7']);

    handlers.connected();
    expect(store.mode()).toBe('live');
    expect(cleared).toHaveBeenCalledWith(42);
    // Came back after being connected before: the status snapshot is refreshed.
    handlers.disconnected();
    handlers.connected();
    (await request('GET', '/api/health-status')).flush(healthStatus());
  });

  it('applies a pushed monitor status to the monitor and its platform', async () => {
    const store = await open();
    channel.current.handlers.status({
      monitor_id: 'm-x',
      name: 'X status page',
      platform: 'twitter',
      probe_kind: 'statuspage',
      status: 'down',
      response_time: null,
      http_status: 503,
      error_class: 'http-status',
      error_rate: 25,
      rate_limit_used: null,
      rate_limit_total: null,
      rate_limit_percent: null,
      last_check: '2026-11-25T10:05:00.000Z',
    });

    expect(store.latestStatus().get('m-x')?.http_status).toBe(503);
    expect(store.status()?.platforms[0]).toMatchObject({ status: 'down', error_rate: 25, last_check: '2026-11-25T10:05:00.000Z' });
    expect(store.status()?.overall_status).toBe('down');
    expect(store.status()?.last_updated).toBe('2026-11-25T10:05:00.000Z');
  });

  it('starts over when another account signs in from another tab', async () => {
    const store = await open();
    const first = channel.current;

    storeToken('jwt-2');
    window.dispatchEvent(new StorageEvent('storage', { key: TOKEN_STORAGE_KEY, newValue: localStorage.getItem(TOKEN_STORAGE_KEY) }));
    (await request('GET', '/api/auth/me')).flush(meResponse('member'));
    TestBed.tick();

    expect(first.closed).toBe(true);
    expect(store.alerts()).toEqual([]);
    (await request('GET', '/api/alerts')).flush({ alerts: [alert('1', { platform: 'facebook' })], has_more: false, unread_count: 1, last_read_id: null });
    (await request('GET', '/api/health-status')).flush(healthStatus());
    for (let i = 0; i < 20 && channel.connections.length < 2; i++) await tick();
    expect(channel.current.auth()).toEqual({ token: 'jwt-2', lastAlertId: '1' });
    expect(store.alerts().map((a) => a.platform)).toEqual(['facebook']);
  });

  it('closes the socket and forgets everything on sign-out', async () => {
    const store = await open();
    const connection = channel.current;

    TestBed.inject(AuthStore).signOut();
    TestBed.tick();

    expect(connection.closed).toBe(true);
    expect(store.alerts()).toEqual([]);
    expect(store.unreadCount()).toBe(0);
    expect(store.mode()).toBe('idle');
    expect(localStorage.getItem(LAST_ALERT_ID_KEY)).toBeNull();
    // A late push from the closed socket changes nothing.
    connection.handlers.alert(alert('9'));
    expect(store.alerts()).toEqual([]);
  });
});


async function tick(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
}
