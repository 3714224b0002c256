import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { meResponse, nextRequest, storeToken } from './testing';
import { TOKEN_STORAGE_KEY } from './token-storage';

describe('AuthStore', () => {
  let http: HttpTestingController;

  function setUp() {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(AuthStore);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('signs in: stores the token, then loads the account', async () => {
    const store = setUp();
    const done = store.login({ email: 'ada@example.com', password: 'correct-horse' });

    const login = await nextRequest(http, '/api/auth/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ email: 'ada@example.com', password: 'correct-horse' });
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush({ access_token: 'jwt-abc', token_type: 'Bearer', expires_in: 3600 });

    const me = await nextRequest(http, '/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer jwt-abc');
    me.flush(meResponse('admin'));
    await done;

    expect(store.isAuthenticated()).toBe(true);
    expect(store.user()?.name).toBe('Ada Lovelace');
    expect(store.organization()?.name).toBe('Acme Social');
    expect(store.isAdmin()).toBe(true);
    const saved = JSON.parse(localStorage.getItem(TOKEN_STORAGE_KEY) ?? '{}');
    expect(saved.token).toBe('jwt-abc');
    expect(saved.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('first-run setup posts the organization and admin, then signs in', async () => {
    const store = setUp();
    const body = {
      organization_name: 'Acme Social',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'long-password-1',
    };
    const done = store.setup(body);

    const setup = await nextRequest(http, '/api/auth/setup');
    expect(setup.request.method).toBe('POST');
    expect(setup.request.body).toEqual(body);
    setup.flush({ access_token: 'jwt-first', token_type: 'Bearer', expires_in: 900 });
    (await nextRequest(http, '/api/auth/me')).flush(meResponse('admin'));

    await expect(done).resolves.toMatchObject({ organization: { name: 'Acme Social' } });
    expect(store.accessToken()).toBe('jwt-first');
  });

  it('leaves the user signed out when login fails', async () => {
    const store = setUp();
    const done = store.login({ email: 'ada@example.com', password: 'wrong-password' });
    (await nextRequest(http, '/api/auth/login')).flush(
        { statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(store.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('fetches the account once for concurrent callers', async () => {
    storeToken();
    const store = setUp();
    const first = store.loadSession();
    const second = store.loadSession();

    (await nextRequest(http, '/api/auth/me')).flush(meResponse('member'));
    await expect(first).resolves.toEqual(meResponse('member'));
    await expect(second).resolves.toEqual(meResponse('member'));
    await expect(store.loadSession()).resolves.toEqual(meResponse('member'));
    expect(store.isAdmin()).toBe(false);
  });

  it('signs out: forgets token and account', async () => {
    storeToken();
    const store = setUp();
    const loaded = store.loadSession();
    (await nextRequest(http, '/api/auth/me')).flush(meResponse());
    await loaded;

    store.signOut();

    expect(store.isAuthenticated()).toBe(false);
    expect(store.user()).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('follows a sign-out in another tab', async () => {
    storeToken();
    const store = setUp();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    localStorage.removeItem(TOKEN_STORAGE_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: TOKEN_STORAGE_KEY, newValue: null }));

    expect(store.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: {} });
  });

  it('treats an expired token as signed out', () => {
    storeToken('old', Date.now() + 1_000);
    const store = setUp();
    expect(store.accessToken(Date.now() + 2_000)).toBeNull();
    expect(store.isAuthenticated()).toBe(false);
  });
});
