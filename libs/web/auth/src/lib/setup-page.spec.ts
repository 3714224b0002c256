import { byTestId, click, settle, typeInto } from '@postprober/web/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { SetupPage } from './setup-page';

@Component({ template: '' })
class Blank {}

describe('SetupPage', () => {
  let fixture: ComponentFixture<SetupPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '', component: Blank }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SetupPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function fill(values: Partial<Record<'organization-name' | 'name' | 'email' | 'password', string>>) {
    for (const [field, value] of Object.entries(values)) typeInto(el, `setup-${field}`, value);
  }

  async function submit() {
    click(el, 'setup-submit');
    await settle(fixture);
  }

  it('requires a password of at least 10 characters and a valid email', async () => {
    fill({ 'organization-name': 'Acme', name: 'Ada', email: 'ada@', password: 'short' });
    await submit();

    expect(el.querySelector('#setup-email-error')?.textContent).toContain('valid email');
    expect(el.querySelector('#setup-password-error')?.textContent).toContain(
      'Password must be at least 10 characters.',
    );
    expect(byTestId(el, 'setup-password').getAttribute('aria-describedby')).toBe(
      'setup-password-hint setup-password-error',
    );
    expect(el.querySelector('#setup-organization-name-error')).toBeNull();
    http.expectNone('/api/auth/setup');
  });

  it('requires every field', async () => {
    await submit();
    expect(el.querySelector('#setup-organization-name-error')?.textContent).toContain(
      'Organization name is required.',
    );
    expect(el.querySelector('#setup-name-error')?.textContent).toContain('Your name is required.');
    expect(document.activeElement).toBe(byTestId(el, 'setup-organization-name'));
  });

  it('shows the server\'s field messages in place', async () => {
    fill({ 'organization-name': 'Acme', name: 'Ada', email: 'ada@example.com', password: 'long-enough-1' });
    await submit();
    http.expectOne('/api/auth/setup').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: [
          'password must be longer than or equal to 10 characters',
          'organization_name must be shorter than or equal to 100 characters',
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(el.querySelector('#setup-password-error')?.textContent).toContain(
      'Password must be longer than or equal to 10 characters.',
    );
    expect(el.querySelector('#setup-organization-name-error')?.textContent).toContain(
      'Organization name must be shorter than or equal to 100 characters.',
    );

    // Editing the field clears the server's message for it.
    fill({ password: 'another-long-password' });
    await settle(fixture);
    expect(el.querySelector('#setup-password-error')).toBeNull();
  });

  it('explains a 409 when setup was already done', async () => {
    fill({ 'organization-name': 'Acme', name: 'Ada', email: 'ada@example.com', password: 'long-enough-1' });
    await submit();
    http
      .expectOne('/api/auth/setup')
      .flush(
        { statusCode: 409, message: 'Setup has already been completed', error: 'Conflict' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);

    expect(byTestId(el, 'setup-error').textContent?.trim()).toBe('Setup has already been completed.');
  });

  it('creates the organization, signs in and opens the dashboard', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    fill({ 'organization-name': ' Acme ', name: 'Ada', email: 'ada@example.com', password: 'long-enough-1' });
    await submit();

    const request = http.expectOne('/api/auth/setup');
    expect(request.request.body).toEqual({
      organization_name: ' Acme ',
      name: 'Ada',
      email: 'ada@example.com',
      password: 'long-enough-1',
    });
    request.flush({ access_token: 'jwt', token_type: 'Bearer', expires_in: 3600 });
    await settle();
    http.expectOne('/api/auth/me').flush({
      user: { id: 'u', email: 'ada@example.com', name: 'Ada', role: 'admin', created_at: '', last_login_at: null },
      organization: { id: 'o', name: 'Acme' },
      principal: 'user',
    });
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith('/');
  });
});
