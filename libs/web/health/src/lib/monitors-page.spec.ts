import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MonitorsPage } from './monitors-page';
import { allByTestId, byTestId, check as checkResult, monitor, nextRequest, settle, type } from './testing';

describe('MonitorsPage', () => {
  let http: HttpTestingController;

  async function render(list = [monitor(), monitor({ id: 'm2', name: 'LinkedIn API', platform: 'linkedin', kind: 'platform-api', has_access_token: true, is_default: false, last_check: null })]) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MonitorsPage);
    await settle(fixture);
    (await nextRequest(http, 'GET', '/api/monitors')).flush(list);
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('lists monitors with their last result', async () => {
    const { el } = await render();
    const rows = allByTestId(el, 'monitor-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('X status page');
    expect(byTestId(rows[0], 'monitor-last-result').textContent).toContain('Healthy');
    expect(byTestId(rows[0], 'monitor-last-result').textContent).toContain('120 ms');
    expect(byTestId(rows[1], 'monitor-last-result').textContent).toContain('Not checked yet');
  });

  it('checks a monitor now and shows the result in its row', async () => {
    const { fixture, el } = await render();
    const row = allByTestId(el, 'monitor-row')[1];
    byTestId<HTMLButtonElement>(row, 'check-now').click();
    await settle(fixture);
    expect(byTestId(row, 'monitor-last-result').textContent).toContain('Checking…');

    const check = await nextRequest(http, 'POST', '/api/monitors/m2/check');
    check.flush(
      checkResult({
        monitor_id: 'm2',
        checked_at: '2026-11-25T10:10:00.000Z',
        status: 'down',
        latency_ms: null,
        http_status: 401,
        error_class: 'credentials',
        error_message: 'The access token was rejected',
      }),
    );
    await settle(fixture);
    const result = byTestId(row, 'monitor-last-result').textContent ?? '';
    expect(result).toContain('Down');
    expect(result).toContain('HTTP 401');
    expect(result).toContain('The access token was rejected');
  });

  it('adds a monitor and shows the server 400 message beside the field', async () => {
    const { fixture, el } = await render([]);
    byTestId(el, 'monitor-add').click();
    await settle(fixture);
    const form = byTestId(el, 'monitor-form');
    type(form, 'monitor-name', 'Status of X');
    type(form, 'monitor-url', 'http://10.0.0.5/status');
    type(form, 'monitor-interval-seconds', '60');
    type(form, 'monitor-components', 'API, Media upload');
    type(form, 'monitor-access-token', 'secret-token');
    form.dispatchEvent(new Event('submit'));
    await settle(fixture);

    const create = await nextRequest(http, 'POST', '/api/monitors');
    expect(create.request.body).toEqual({
      name: 'Status of X',
      platform: 'twitter',
      kind: 'statuspage',
      url: 'http://10.0.0.5/status',
      method: 'GET',
      timeout_ms: 5000,
      interval_seconds: 60,
      components: ['API', 'Media upload'],
      enabled: true,
      access_token: 'secret-token',
    });
    create.flush(
      { statusCode: 400, message: ['url resolves to a private address'], error: 'Bad Request' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(byTestId(form, 'monitor-url').getAttribute('aria-invalid')).toBe('true');
    expect(form.textContent).toContain('Url resolves to a private address.');

    type(form, 'monitor-url', 'https://status.x.example/api/v2/summary.json');
    form.dispatchEvent(new Event('submit'));
    (await nextRequest(http, 'POST', '/api/monitors')).flush(monitor({ id: 'm9', name: 'Status of X' }));
    await settle(fixture);
    expect(el.querySelector('[data-testid="monitor-form"]')).toBeNull();
    expect(allByTestId(el, 'monitor-row')).toHaveLength(1);
    expect(el.textContent).toContain('Added Status of X.');
  });

  it('edits without resending the stored token when the field is left empty', async () => {
    const { fixture, el } = await render();
    byTestId(allByTestId(el, 'monitor-row')[1], 'monitor-edit').click();
    await settle(fixture);
    const form = byTestId(el, 'monitor-form');
    expect(byTestId<HTMLInputElement>(form, 'monitor-name').value).toBe('LinkedIn API');
    expect(byTestId<HTMLInputElement>(form, 'monitor-access-token').type).toBe('password');
    expect(form.textContent).toContain('Leave empty to keep it.');

    // The minimum is the server's (configurable): its 400 names the field and shows beside it.
    type(form, 'monitor-interval-seconds', '10');
    form.dispatchEvent(new Event('submit'));
    (await nextRequest(http, 'PATCH', '/api/monitors/m2')).flush(
      { statusCode: 400, message: ['interval_seconds must not be less than 30'], error: 'Bad Request' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(form.textContent).toContain('Interval seconds must not be less than 30.');
    expect(byTestId(form, 'monitor-interval-seconds').getAttribute('aria-invalid')).toBe('true');

    type(form, 'monitor-interval-seconds', '120');
    form.dispatchEvent(new Event('submit'));
    const patch = await nextRequest(http, 'PATCH', '/api/monitors/m2');
    expect(patch.request.body.interval_seconds).toBe(120);
    expect('access_token' in patch.request.body).toBe(false);
    patch.flush(monitor({ id: 'm2', name: 'LinkedIn API', interval_seconds: 120 }));
    await settle(fixture);
    expect(el.textContent).toContain('Saved LinkedIn API.');
  });

  it('removes the stored token only when asked to', async () => {
    const { fixture, el } = await render();
    byTestId(allByTestId(el, 'monitor-row')[1], 'monitor-edit').click();
    await settle(fixture);
    const form = byTestId(el, 'monitor-form');
    byTestId<HTMLInputElement>(form, 'monitor-remove-token').click();
    form.dispatchEvent(new Event('submit'));
    const patch = await nextRequest(http, 'PATCH', '/api/monitors/m2');
    expect(patch.request.body.access_token).toBeNull();
    expect('remove_access_token' in patch.request.body).toBe(false);
    patch.flush(monitor({ id: 'm2', name: 'LinkedIn API', has_access_token: false }));
    await settle(fixture);
  });

  it('disables, and deletes after confirmation', async () => {
    const { fixture, el } = await render();
    const row = () => allByTestId(el, 'monitor-row')[0];
    byTestId(row(), 'monitor-toggle').click();
    const patch = await nextRequest(http, 'PATCH', '/api/monitors/m1');
    expect(patch.request.body).toEqual({ enabled: false });
    patch.flush(monitor({ enabled: false }));
    await settle(fixture);
    expect(byTestId(row(), 'monitor-toggle').textContent?.trim()).toBe('Enable');

    byTestId(row(), 'monitor-delete').click();
    await settle(fixture);
    http.expectNone((r) => r.method === 'DELETE');
    byTestId(row(), 'monitor-delete-confirm').click();
    (await nextRequest(http, 'DELETE', '/api/monitors/m1')).flush(null);
    await settle(fixture);
    expect(allByTestId(el, 'monitor-row')).toHaveLength(1);
  });
});
