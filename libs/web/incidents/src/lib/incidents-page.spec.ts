import { allByTestId, byTestId, click, nextRequest, queryByTestId, settle, typeInto } from '@postprober/web/testing';
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

  /** The one list request (query ignored: the tests check its params). */
  const list = (): Promise<TestRequest> => nextRequest(http, 'GET', '/api/incidents');

  afterEach(() => http.verify());

  it('lists incidents newest first with status, severity, platform, message, action and times', async () => {
    const { fixture, el } = await render();
    const first = await list();
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.get('page_size')).toBe('20');
    expect(first.request.params.has('status')).toBe(false);
    first.flush({ items: [incident('2', { status: 'open', resolved_at: null, severity: 'critical' }), incident('1')], total: 2, page: 1, page_size: 20 });
    await settle(fixture);

    const [open, resolved] = allByTestId(el, 'incident-row');
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

    click(el, 'incidents-next');
    await settle(fixture);
    const second = await list();
    expect(second.request.params.get('page')).toBe('2');
    second.flush({ items: [incident('0')], total: 45, page: 2, page_size: 20 });
    await settle(fixture);

    typeInto(el, 'incidents-status', 'open', { blur: false });
    await settle(fixture);
    const filtered = await list();
    expect(filtered.request.params.get('status')).toBe('open');
    expect(filtered.request.params.get('page')).toBe('1');
    filtered.flush({ items: [], total: 0, page: 1, page_size: 20 });
    await settle(fixture);
    expect(queryByTestId(el, 'incidents-empty')).not.toBeNull();

    typeInto(el, 'incidents-platform', 'facebook', { blur: false });
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

    click(el, 'incident-toggle');
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

    click(el, 'incident-toggle');
    await settle(fixture);
    expect(queryByTestId(el, 'incident-events')).toBeNull();
  });
});
