import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { HEALTH_SOCKET_CONNECTOR, TOKEN_STORAGE_KEY, authInterceptor } from '@postprober/web/data-access';
import { answer as answerRequest, settle } from '@postprober/web/testing';
import { appRoutes } from './app.routes';

/** The real route table: guards, lazy pages and the shell together. */
describe('app routes', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function setUp(role?: 'admin' | 'member') {
    localStorage.clear();
    if (role) {
      localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token: 'jwt', expiresAt: Date.now() + 60_000 }));
    }
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        // The header's alert bell would open a socket: none in these tests.
        { provide: HEALTH_SOCKET_CONNECTOR, useValue: () => ({ close: () => undefined }) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  /** Waits for a request the navigation makes (guards and pages load asynchronously). */
  function answer(url: string, body: object): Promise<TestRequest> {
    return answerRequest(http, url, body, undefined, { ticks: 100 });
  }

  function me(role: 'admin' | 'member') {
    return {
      user: { id: 'u', email: 'a@example.com', name: 'Ada Lovelace', role, created_at: '', last_login_at: null },
      organization: { id: 'o', name: 'Acme Social' },
      principal: 'user',
    };
  }

  const text = () => (harness.fixture.nativeElement as HTMLElement).textContent ?? '';

  it('sends a fresh install to first-run setup', async () => {
    await setUp();
    const done = harness.navigateByUrl('/');
    await answer('/api/auth/setup', { needs_setup: true });
    await answer('/api/auth/setup', { needs_setup: true });
    await done;
    expect(TestBed.inject(Router).url).toBe('/setup');
    expect(text()).toContain('Set up your workspace');
  });

  it('shows a member the shell and the Compose page, but not Incidents', async () => {
    await setUp('member');
    const done = harness.navigateByUrl('/compose');
    await answer('/api/auth/me', me('member'));
    await done;
    await answer('/api/drafts', []);
    // Promise-based client calls resolve and the zoneless view refreshes, until the page shows or 100 ticks.
    await settle(harness.fixture, { until: () => text().includes('Nothing drafted yet'), maxTicks: 100 });
    expect(text()).toContain('Acme Social');
    expect(text()).toContain('Nothing drafted yet');

    await harness.navigateByUrl('/incidents');
    await answer('/api/healthz', {
      status: 'ok',
      checks: {
        database: { ok: true, latency_ms: 1, driver: 'pglite' },
        queue: { ok: true, latency_ms: 1, backend: 'in-process' },
      },
      version: '0.0.0',
      engine: 'builtin',
      role: 'all',
    });
    expect(TestBed.inject(Router).url).toBe('/');
    expect(text()).toContain('Welcome, Ada');
  });

  it('opens Settings for an admin', async () => {
    await setUp('admin');
    const done = harness.navigateByUrl('/settings');
    await answer('/api/auth/me', me('admin'));
    await done;
    await answer('/api/users', []);
    await answer('/api/api-keys', []);
    await answer('/api/admin/jobs', { backend: 'in-process', jobs: [] });
    await answer('/api/organization/settings', { branded_hashtags: [], updated_at: null });
    await answer('/api/ai-usage?days=30', {
      since: '2026-10-26T00:00:00.000Z',
      total: { requests: 0, prompt_tokens: 0, completion_tokens: 0, fallbacks: 0 },
      operations: [],
    });
    // The header's alert bell loads the alerts and platform status.
    await answer('/api/alerts?limit=20', { alerts: [], has_more: false, unread_count: 0, last_read_id: null });
    await answer('/api/health-status', { platforms: [], overall_status: 'healthy', last_updated: '', monitors: [] });
    expect(TestBed.inject(Router).url).toBe('/settings');
    expect(text()).toContain('Background jobs');
    http.verify();
  });
});
