import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { storeToken } from './testing';
import { TOKEN_STORAGE_KEY } from './token-storage';

@Component({ template: '' })
class Blank {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    localStorage.clear();
    storeToken('jwt-123');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'settings', component: Blank },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/settings');
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', () => {
    http.get('/api/users').subscribe();
    expect(backend.expectOne('/api/users').request.headers.get('Authorization')).toBe(
      'Bearer jwt-123',
    );
  });

  it('never sends the token to another origin or outside /api', () => {
    http.get('https://example.com/api/users').subscribe();
    http.get('/assets/logo.svg').subscribe();
    expect(backend.expectOne('https://example.com/api/users').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('does not send a token with login', () => {
    http.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    expect(backend.expectOne('/api/auth/login').request.headers.has('Authorization')).toBe(false);
  });

  it('signs out and goes to /login when an API call answers 401', async () => {
    const failed = firstValueFrom(http.get('/api/users'));
    backend
      .expectOne('/api/users')
      .flush({ statusCode: 401, message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    await expect(failed).rejects.toMatchObject({ status: 401 });
    await TestBed.inject(ApplicationRef).whenStable();

    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(false);
    expect(router.url).toBe('/login?returnUrl=%2Fsettings');
  });

  it('keeps the session when login itself answers 401 (wrong password)', async () => {
    const failed = firstValueFrom(http.post('/api/auth/login', {}));
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(failed).rejects.toMatchObject({ status: 401 });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).not.toBeNull();
    expect(router.url).toBe('/settings');
  });

  it('leaves other errors to the caller', async () => {
    const failed = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush({ statusCode: 403 }, { status: 403, statusText: 'Forbidden' });

    await expect(failed).rejects.toMatchObject({ status: 403 });
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(true);
    expect(router.url).toBe('/settings');
  });
});
