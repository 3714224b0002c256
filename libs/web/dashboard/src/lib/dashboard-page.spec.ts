import { queryByTestId, settle } from '@postprober/web/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HealthzResponseDto } from '@postprober/api-client';
import { DashboardPage } from './dashboard-page';

const healthy: HealthzResponseDto = {
  status: 'ok',
  checks: {
    database: { ok: true, latency_ms: 1.234, driver: 'pglite' },
    queue: { ok: true, latency_ms: 0.4, backend: 'in-process' },
  },
  version: '0.1.0',
  engine: 'builtin',
  role: 'all',
};

describe('DashboardPage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    return fixture;
  }

  const text = (el: HTMLElement, id: string) => queryByTestId(el, id)?.textContent?.trim();

  afterEach(() => http.verify());

  it('shows the real system status from /api/healthz', async () => {
    const fixture = await render();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain('Checking the system…');

    http.expectOne('/api/healthz').flush(healthy);
    await settle(fixture);

    expect(text(el, 'status-overall')).toBe('All systems operational');
    expect(text(el, 'status-database-driver')).toBe('PGlite (embedded)');
    expect(text(el, 'status-queue-backend')).toBe('In-process');
    expect(text(el, 'status-ai-engine')).toBe('Built-in');
    expect(text(el, 'status-version')).toBe('0.1.0');
    expect(el.textContent).toContain('1.2 ms');
  });

  it('shows a degraded report sent with HTTP 503', async () => {
    const fixture = await render();
    const degraded: HealthzResponseDto = {
      ...healthy,
      status: 'degraded',
      engine: 'openai',
      checks: {
        database: { ok: true, latency_ms: 2, driver: 'postgres' },
        queue: { ok: false, latency_ms: 0, backend: 'bull', error: 'Redis connection refused' },
      },
    };
    http.expectOne('/api/healthz').flush(degraded, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;

    expect(text(el, 'status-overall')).toBe('Degraded');
    expect(text(el, 'status-database-driver')).toBe('PostgreSQL');
    expect(text(el, 'status-queue-backend')).toBe('Redis (Bull)');
    expect(text(el, 'status-ai-engine')).toBe('OpenAI');
    expect(el.textContent).toContain('Redis connection refused');
  });

  it('says the server is stopping when readiness answers 503 "stopping" without checks', async () => {
    const fixture = await render();
    const stopping: HealthzResponseDto = { status: 'stopping', version: '0.1.0', engine: 'builtin', role: 'all' };
    http.expectOne('/api/healthz').flush(stopping, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;

    expect(text(el, 'status-overall')).toBe('Stopping');
    expect(text(el, 'status-stopping')).toBe('Stopping');
    expect(queryByTestId(el, 'status-database-driver')).toBeNull();
    expect(text(el, 'status-ai-engine')).toBe('Built-in');
  });

  it('says when the status cannot be checked, and can retry', async () => {
    const fixture = await render();
    http.expectOne('/api/healthz').error(new ProgressEvent('error'), { status: 0 });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Cannot reach the server');

    (Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('Refresh')) as HTMLButtonElement).click();
    http.expectOne('/api/healthz').flush(healthy);
    await settle(fixture);
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(text(el, 'status-overall')).toBe('All systems operational');
  });
});
