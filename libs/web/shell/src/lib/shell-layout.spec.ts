import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MeResponseDto } from '@postprober/api-client';
import { AuthStore, HEALTH_SOCKET_CONNECTOR, TOKEN_STORAGE_KEY } from '@postprober/web/data-access';
import { byTestId, click, queryByTestId, settleApp } from '@postprober/web/testing';
import { ShellLayout } from './shell-layout';

@Component({ template: '<p>page</p>' })
class Page {}

function me(role: 'admin' | 'member'): MeResponseDto {
  return {
    user: { id: 'u', email: 'grace@example.com', name: 'Grace Hopper', role, created_at: '', last_login_at: null },
    organization: { id: 'o', name: 'Acme Social' },
    principal: 'user',
  };
}

describe('ShellLayout', () => {
  let http: HttpTestingController;

  async function render(role: 'admin' | 'member') {
    localStorage.setItem(
      TOKEN_STORAGE_KEY,
      JSON.stringify({ token: 'jwt', expiresAt: Date.now() + 60_000 }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Page },
          { path: '', component: ShellLayout, children: [{ path: '**', component: Page }] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        // The header's alert bell listens on a socket: none here.
        { provide: HEALTH_SOCKET_CONNECTOR, useValue: () => ({ close: () => undefined }) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(AuthStore).loadSession();
    http.expectOne('/api/auth/me').flush(me(role));
    await loaded;
    const harness = await RouterTestingHarness.create('/');
    await settleApp();
    http.expectOne((r) => r.url === '/api/alerts').flush({ alerts: [], has_more: false, unread_count: 0, last_read_id: null });
    http.expectOne('/api/health-status').flush({ platforms: [], overall_status: 'healthy', last_updated: '', monitors: [] });
    return harness.fixture.nativeElement.querySelector('pp-shell-layout') as HTMLElement;
  }

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('shows the organization and every section to an admin', async () => {
    const el = await render('admin');
    expect(byTestId(el, 'org-name').textContent?.trim()).toBe('Acme Social');
    const links = Array.from(el.querySelectorAll('nav[aria-label="Main"] a')).map((a) =>
      a.getAttribute('data-testid'),
    );
    expect(links).toEqual([
      'nav-dashboard',
      'nav-compose',
      'nav-analytics',
      'nav-health',
      'nav-incidents',
      'nav-settings',
    ]);
    expect(byTestId(el, 'nav-dashboard').getAttribute('aria-current')).toBe('page');
  });

  it('hides Incidents and Settings from members', async () => {
    const el = await render('member');
    expect(queryByTestId(el, 'nav-compose')).not.toBeNull();
    expect(queryByTestId(el, 'nav-incidents')).toBeNull();
    expect(queryByTestId(el, 'nav-settings')).toBeNull();
  });

  it('opens the user menu with name and role, and signs out', async () => {
    const el = await render('member');
    const toggle = byTestId<HTMLButtonElement>(el, 'user-menu');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(queryByTestId(el, 'sign-out')).toBeNull();

    toggle.click();
    await settleApp();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(byTestId(el, 'user-name').textContent).toBe('Grace Hopper');
    expect(byTestId(el, 'user-role').textContent).toBe('Member');

    click(el, 'sign-out');
    await settleApp();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('closes the user menu with Escape and returns focus to its button', async () => {
    const el = await render('admin');
    const toggle = byTestId<HTMLButtonElement>(el, 'user-menu');
    toggle.click();
    await settleApp();
    byTestId(el, 'sign-out').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settleApp();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });
});
