import { settle } from '@postprober/web/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { LoginPage } from './login-page';

@Component({ template: '' })
class Blank {}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Blank },
          { path: 'settings', component: Blank },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const byTestId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement;

  function type(id: string, value: string) {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function submit() {
    byTestId('login-submit').click();
    await settle();
    await fixture.whenStable();
  }

  it('has labelled email and password fields', () => {
    expect(el.querySelector('label[for="login-email"]')?.textContent).toContain('Email');
    expect(el.querySelector('label[for="login-password"]')?.textContent).toContain('Password');
    expect(byTestId('login-email').id).toBe('login-email');
    expect(byTestId('login-password').getAttribute('type')).toBe('password');
  });

  it('checks the fields before calling the API', async () => {
    await submit();

    expect(el.querySelector('#login-email-error')?.textContent).toContain('Email is required.');
    expect(el.querySelector('#login-password-error')?.textContent).toContain('Password is required.');
    expect(byTestId('login-email').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('login-email').getAttribute('aria-describedby')).toBe('login-email-error');
    expect(document.activeElement).toBe(byTestId('login-email'));

    type('login-email', 'not-an-email');
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('#login-email-error')?.textContent).toContain('valid email');
    http.expectNone('/api/auth/login');
  });

  it('shows "Invalid email or password" from a 401 in place', async () => {
    type('login-email', 'ada@example.com');
    type('login-password', 'wrong-password');
    await submit();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'ada@example.com', password: 'wrong-password' });
    expect((byTestId('login-submit') as HTMLButtonElement).disabled).toBe(true);
    request.flush(
      { statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    await fixture.whenStable();

    expect(byTestId('login-error').textContent?.trim()).toBe('Invalid email or password.');
    expect((byTestId('login-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows how long to wait after too many attempts', async () => {
    type('login-email', 'ada@example.com');
    type('login-password', 'whatever-pw');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '30' } },
      );
    await settle();
    await fixture.whenStable();

    expect(byTestId('login-error').textContent).toContain('Try again in 30 seconds.');
  });

  it('puts field messages from a 400 beside the field', async () => {
    type('login-email', 'ada@example.com');
    type('login-password', 'x');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 400, message: ['email must be an email'], error: 'Bad Request' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    await fixture.whenStable();

    expect(el.querySelector('#login-email-error')?.textContent).toContain('Email must be an email.');
    expect(byTestId('login-error').textContent?.trim()).toBe('');
  });

  it('signs in and returns to the requested page', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/?returnUrl=%2Fsettings');
    fixture.destroy();
    fixture = TestBed.createComponent(LoginPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
    jest.spyOn(router, 'navigateByUrl');

    type('login-email', 'ada@example.com');
    type('login-password', 'correct-horse-battery');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ access_token: 'jwt', token_type: 'Bearer', expires_in: 3600 });
    await settle();
    http.expectOne('/api/auth/me').flush({
      user: { id: 'u', email: 'ada@example.com', name: 'Ada', role: 'admin', created_at: '', last_login_at: null },
      organization: { id: 'o', name: 'Acme' },
      principal: 'user',
    });
    await settle();
    await fixture.whenStable();

    expect(router.navigateByUrl).toHaveBeenCalledWith('/settings');
  });
});
