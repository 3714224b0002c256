import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiKeyResponseDto } from '@postprober/api-client';
import { ApiKeysSection } from './api-keys-section';
import { byTestId, settle, type } from './testing';

const existing: ApiKeyResponseDto = {
  id: '6f1c7e0e-0000-4000-8000-000000000001',
  name: 'CMS integration',
  prefix: 'pp_ab12',
  role: 'member',
  created_at: '2026-11-20T09:00:00.000Z',
  last_used_at: null,
};

describe('ApiKeysSection', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ApiKeysSection>;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiKeysSection);
    el = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/api-keys' }).flush([existing]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('lists keys by name and prefix, never the secret', () => {
    const rows = el.querySelectorAll('[data-testid="api-key-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('CMS integration');
    expect(rows[0].textContent).toContain('pp_ab12…');
    expect(rows[0].textContent).toContain('Never');
  });

  it('requires a name before creating', async () => {
    byTestId(el, 'api-key-create').click();
    await settle(fixture);
    expect(el.querySelector('#api-key-name-error')?.textContent).toContain('Name is required.');
    http.expectNone('/api/api-keys');
  });

  it('shows a new key once, with a copy button, and adds it to the list', async () => {
    type(el, 'api-key-name', 'Zapier');
    type(el, 'api-key-role', 'admin');
    byTestId(el, 'api-key-create').click();
    await settle(fixture);

    const request = http.expectOne({ method: 'POST', url: '/api/api-keys' });
    expect(request.request.body).toEqual({ name: 'Zapier', role: 'admin' });
    request.flush({
      ...existing,
      id: '6f1c7e0e-0000-4000-8000-000000000002',
      name: 'Zapier',
      prefix: 'pp_cd34',
      role: 'admin',
      key: 'pp_cd34_secret_value',
    });
    await settle(fixture);

    expect(byTestId(el, 'api-key-secret').textContent).toBe('pp_cd34_secret_value');
    expect(byTestId(el, 'api-key-copy')).toBeTruthy();
    expect(el.querySelectorAll('[data-testid="api-key-row"]')).toHaveLength(2);
    expect(el.querySelector('table')?.textContent).not.toContain('pp_cd34_secret_value');
    expect((byTestId<HTMLInputElement>(el, 'api-key-name')).value).toBe('');

    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('I have saved it'))?.click();
    await settle(fixture);
    expect(el.querySelector('[data-testid="api-key-secret"]')).toBeNull();
  });

  it('revokes a key after confirmation', async () => {
    byTestId(el, 'api-key-revoke').click();
    await settle(fixture);
    http.expectNone(`/api/api-keys/${existing.id}`);

    byTestId(el, 'api-key-revoke-confirm').click();
    await settle(fixture);
    const request = http.expectOne(`/api/api-keys/${existing.id}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(el.querySelectorAll('[data-testid="api-key-row"]')).toHaveLength(0);
    expect(byTestId(el, 'api-keys-empty').textContent).toContain('No API keys yet.');
  });

  it('keeps the key listed and explains when revoking fails', async () => {
    byTestId(el, 'api-key-revoke').click();
    await settle(fixture);
    byTestId(el, 'api-key-revoke-confirm').click();
    await settle(fixture);
    http
      .expectOne(`/api/api-keys/${existing.id}`)
      .flush({ statusCode: 404, message: 'API key not found' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);

    expect(el.querySelectorAll('[data-testid="api-key-row"]')).toHaveLength(1);
    expect(el.textContent).toContain('Could not revoke "CMS integration": API key not found.');
  });
});
