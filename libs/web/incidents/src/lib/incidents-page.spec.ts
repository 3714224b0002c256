import { settle } from '@postprober/web/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Incident } from '@postprober/web/data-access';
import { IncidentsPage } from './incidents-page';

const incident = (id: string, patch: Partial<Incident> = {}): Incident => ({
  id,
  monitor_id: 'm1',
  platform: 'instagram',
  kind: 'availability',
  status: 'resolved',
  severity: 'warning',
  peak_severity: 'critical',
  opened_at: '2026-11-24T08:00:00.000Z',
  resolved_at: '2026-11-24T08:20:00.000Z',
  message: `Instagram was slow (${id})`,
  recommended_action: 'Post later',
  engine: 'builtin',
  ...patch,
});

describe('IncidentsPage', () => {
  let http: HttpTestingController;

  async function render() {
    // Signed out: the alerts store stays idle, so only this page's calls are made.
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(IncidentsPage);
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  async function list(): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      const found = http.match((r) => r.url === '/api/incidents');
      if (found.length === 1) return found[0];
      if (found.length > 1) throw new Error('More than one request');
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('No request to /api/incidents');
  }

  const rows = (el: HTMLElement) => Array.from(el.querySelectorAll<HTMLElement>('[data-testid="incident-row"]'));
  const byTestId = <T extends HTMLElement>(el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`) as T;

  afterEach(() => http.verify());

  it('lists incidents newest first with status, severity, platform, message, action and times', async () => {
    const { fixture, el } = await render();
    const first = await list();
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.get('page_size')).toBe('20');
    expect(first.request.params.has('status')).toBe(false);
    first.flush({ items: [incident('2', { status: 'open', resolved_at: null, severity: 'critical' }), incident('1')], total: 2, page: 1, page_size: 20 });
    await settle(fixture);

    const [open, resolved] = rows(el);
    expect(open.textContent).toContain('Ongoing');
    expect(open.textContent).toContain('Critical');
    expect(open.textContent).toContain('Instagram');
    expect(resolved.textContent).toContain('Resolved');
    expect(resolved.textContent).toContain('peak critical');
    expect(resolved.textContent).toContain('Post later');
    expect(byTestId(el, 'incidents-page').textContent).toContain('Page 1 of 1');
  });

  it('filters by status and platform, and pages', async () => {
    const { fixture, el } = await render();
    (await list()).flush({ items: [incident('1')], total: 45, page: 1, page_size: 20 });
    await settle(fixture);
    expect(byTestId(el, 'incidents-page').textContent).toContain('Page 1 of 3');

    byTestId<HTMLButtonElement>(el, 'incidents-next').click();
    await settle(fixture);
    const second = await list();
    expect(second.request.params.get('page')).toBe('2');
    second.flush({ items: [incident('0')], total: 45, page: 2, page_size: 20 });
    await settle(fixture);

    const status = byTestId<HTMLSelectElement>(el, 'incidents-status');
    status.value = 'open';
    status.dispatchEvent(new Event('change'));
    await settle(fixture);
    const filtered = await list();
    expect(filtered.request.params.get('status')).toBe('open');
    expect(filtered.request.params.get('page')).toBe('1');
    filtered.flush({ items: [], total: 0, page: 1, page_size: 20 });
    await settle(fixture);
    expect(byTestId(el, 'incidents-empty')).not.toBeNull();

    const platform = byTestId<HTMLSelectElement>(el, 'incidents-platform');
    platform.value = 'facebook';
    platform.dispatchEvent(new Event('change'));
    await settle(fixture);
    const both = await list();
    expect(both.request.params.get('status')).toBe('open');
    expect(both.request.params.get('platform')).toBe('facebook');
    both.flush({ items: [], total: 0, page: 1, page_size: 20 });
  });

  it('expands a row to the incident events', async () => {
    const { fixture, el } = await render();
    (await list()).flush({ items: [incident('7')], total: 1, page: 1, page_size: 20 });
    await settle(fixture);

    byTestId<HTMLButtonElement>(el, 'incident-toggle').click();
    await settle(fixture);
    http.expectOne('/api/incidents/7').flush({
      ...incident('7'),
      events: [
        { id: 'e1', type: 'opened', severity: 'warning', message: 'Slow', created_at: '2026-11-24T08:00:00.000Z' },
        { id: 'e2', type: 'escalated', severity: 'critical', message: 'Very slow', created_at: '2026-11-24T08:05:00.000Z' },
        { id: 'e3', type: 'resolved', severity: 'info', message: 'Recovered', created_at: '2026-11-24T08:20:00.000Z' },
      ],
    });
    await settle(fixture);
    expect(byTestId(el, 'incident-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(byTestId(el, 'incident-events').querySelectorAll('li')).toHaveLength(3);

    byTestId<HTMLButtonElement>(el, 'incident-toggle').click();
    await settle(fixture);
    expect(byTestId(el, 'incident-events')).toBeNull();
  });
});
