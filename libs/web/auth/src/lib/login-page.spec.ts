import { byTestId, click, settle, typeInto } from '@postprober/web/testing';
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

  async function submit() {
    click(el, 'login-submit');
    await settle(fixture);
  }

  it('has labelled email and password fields', () => {
    expect(el.querySelector('label[for="login-email"]')?.textContent).toContain('Email');
    expect(el.querySelector('label[for="login-password"]')?.textContent).toContain('Password');
    expect(byTestId(el, 'login-email').id).toBe('login-email');
    expect(byTestId(el, 'login-password').getAttribute('type')).toBe('password');
  });

  it('checks the fields before calling the API', async () => {
    await submit();

    expect(el.querySelector('#login-email-error')?.textContent).toContain('Email is required.');
    expect(el.querySelector('#login-password-error')?.textContent).toContain('Password is required.');
    expect(byTestId(el, 'login-email').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId(el, 'login-email').getAttribute('aria-describedby')).toBe('login-email-error');
    expect(document.activeElement).toBe(byTestId(el, 'login-email'));

    typeInto(el, 'login-email', 'not-an-email');
    await settle(fixture);
    expect(el.querySelector('#login-email-error')?.textContent).toContain('valid email');
    http.expectNone('/api/auth/login');
  });

  it('shows "Invalid email or password" from a 401 in place', async () => {
    typeInto(el, 'login-email', 'ada@example.com');
    typeInto(el, 'login-password', 'wrong-password');
    await submit();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'ada@example.com', password: 'wrong-password' });
    expect(byTestId<HTMLButtonElement>(el, 'login-submit').disabled).toBe(true);
    request.flush(
      { statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);

    expect(byTestId(el, 'login-error').textContent?.trim()).toBe('Invalid email or password.');
    expect(byTestId<HTMLButtonElement>(el, 'login-submit').disabled).toBe(false);
  });

  it('shows how long to wait after too many attempts', async () => {
    typeInto(el, 'login-email', 'ada@example.com');
    typeInto(el, 'login-password', 'whatever-pw');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '30' } },
      );
    await settle(fixture);

    expect(byTestId(el, 'login-error').textContent).toContain('Try again in 30 seconds.');
  });

  it('puts field messages from a 400 beside the field', async () => {
    typeInto(el, 'login-email', 'ada@example.com');
    typeInto(el, 'login-password', 'x');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 400, message: ['email must be an email'], error: 'Bad Request' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);

    expect(el.querySelector('#login-email-error')?.textContent).toContain('Email must be an email.');
    expect(byTestId(el, 'login-error').textContent?.trim()).toBe('');
  });

  it('signs in and returns to the requested page', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/?returnUrl=%2Fsettings');
    fixture.destroy();
    fixture = TestBed.createComponent(LoginPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
    jest.spyOn(router, 'navigateByUrl');

    typeInto(el, 'login-email', 'ada@example.com');
    typeInto(el, 'login-password', 'correct-horse-battery');
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
    await settle(fixture);

    expect(router.navigateByUrl).toHaveBeenCalledWith('/settings');
  });
});
