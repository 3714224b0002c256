import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { HealthAlert } from '@postprober/shared/health-events';
import {
  HEALTH_SOCKET_CONNECTOR,
  HealthSocketHandlers,
  TOKEN_STORAGE_KEY,
} from '@postprober/web/data-access';
import { allByTestId, byTestId, click, queryByTestId, settleApp } from '@postprober/web/testing';
import { AlertsBell } from './alerts-bell';

const alert = (id: string, patch: Partial<HealthAlert> = {}): HealthAlert => ({
  id,
  type: 'opened',
  incident_id: `i${id}`,
  monitor_id: 'm1',
  platform: 'linkedin',
  kind: 'availability',
  severity: 'critical',
  message: `LinkedIn is down (${id})`,
  action: 'Hold LinkedIn posts until it recovers',
  timestamp: new Date(Date.now() - 5 * 60_000).toISOString(),
  ...patch,
});

describe('AlertsBell', () => {
  let http: HttpTestingController;
  let socket: HealthSocketHandlers;

  async function render(items: HealthAlert[], unread: number, lastRead: string | null) {
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
    const fixture = TestBed.createComponent(AlertsBell);
    document.body.appendChild(fixture.nativeElement);
    await settleApp();
    http.expectOne((r) => r.url === '/api/alerts').flush({ alerts: items, has_more: false, unread_count: unread, last_read_id: lastRead });
    http.expectOne('/api/health-status').flush({ platforms: [], overall_status: 'healthy', last_updated: '', monitors: [] });
    await settleApp();
    await settleApp();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    http.verify();
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the server unread count and adds pushed alerts to it', async () => {
    const el = await render([alert('2'), alert('1')], 1, '1');
    expect(byTestId(el, 'alerts-badge').textContent?.trim()).toBe('1');
    expect(byTestId(el, 'alerts-bell').textContent).toContain('1 unread');

    socket.alert(alert('3', { severity: 'warning', platform: 'twitter', message: 'X is slow' }));
    await settleApp();
    expect(byTestId(el, 'alerts-badge').textContent?.trim()).toBe('2');
  });

  it('lists alerts with severity, platform, message, action and time; Escape closes it', async () => {
    const el = await render([alert('2', { severity: 'warning' }), alert('1', { type: 'resolved', severity: 'info' })], 1, '1');
    const bell = byTestId<HTMLButtonElement>(el, 'alerts-bell');
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    expect(queryByTestId(el, 'alerts-dropdown')).toBeNull();

    bell.click();
    await settleApp();
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const items = allByTestId(el, 'alert-item');
    expect(items).toHaveLength(2);
    expect(items[0].classList).toContain('warning');
    expect(items[0].classList).toContain('unread');
    expect(items[0].textContent).toContain('LinkedIn');
    expect(items[0].textContent).toContain('LinkedIn is down (2)');
    expect(items[0].textContent).toContain('Hold LinkedIn posts until it recovers');
    expect(items[0].textContent).toContain('5 min ago');
    expect(items[1].classList).toContain('info');
    expect(items[1].classList).not.toContain('unread');
    expect(items[1].textContent).toContain('Resolved');
    expect(byTestId(el, 'alerts-health-link').getAttribute('href')).toBe('/health');

    items[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settleApp();
    expect(queryByTestId(el, 'alerts-dropdown')).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it('marks all read on the server and clears the badge', async () => {
    const el = await render([alert('7'), alert('6')], 4, null);
    click(el, 'alerts-bell');
    await settleApp();

    click(el, 'alerts-mark-read');
    const put = http.expectOne('/api/alerts/read');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ last_read_id: '7' });
    put.flush({ last_read_id: '7', unread_count: 0 });
    await settleApp();
    await settleApp();
    expect(queryByTestId(el, 'alerts-badge')).toBeNull();
  });

  it('asks for notification permission only when the user clicks', async () => {
    const requestPermission = jest.fn().mockResolvedValue('granted');
    Object.defineProperty(globalThis, 'Notification', {
      configurable: true,
      value: { permission: 'default', requestPermission },
    });
    try {
      const el = await render([], 0, null);
      expect(requestPermission).not.toHaveBeenCalled();

      click(el, 'alerts-bell');
      await settleApp();
      click(el, 'alerts-enable-notifications');
      await settleApp();
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(queryByTestId(el, 'alerts-enable-notifications')).toBeNull();
      expect(el.textContent).toContain('Desktop notifications on');
    } finally {
      delete (globalThis as { Notification?: unknown }).Notification;
    }
  });
});
