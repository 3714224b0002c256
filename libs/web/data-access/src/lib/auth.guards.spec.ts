import { FlushInit, answer, settle } from '@postprober/web/testing';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  adminGuard,
  authGuard,
  guestGuard,
  setupGuard,
  setupRedirectGuard,
} from './auth.guards';
import { authInterceptor } from './auth.interceptor';
import { meResponse, storeToken } from './testing';

@Component({ template: 'page' })
class Page {}

/** The app's guard wiring, with blank pages. */
const routes = [
  { path: 'login', component: Page, canActivate: [guestGuard, setupRedirectGuard] },
  { path: 'setup', component: Page, canActivate: [guestGuard, setupGuard] },
  {
    path: '',
    canActivate: [authGuard],
    children: [
      { path: '', component: Page },
      { path: 'compose', component: Page },
      { path: 'settings', component: Page, canActivate: [adminGuard] },
    ],
  },
];

describe('auth guards', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
  });

  async function setUp() {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  /** Starts a navigation, answers the requests it makes, and returns where it ended. */
  async function navigate(url: string, ...answers: Array<(http: HttpTestingController) => Promise<void>>) {
    const done = harness.navigateByUrl(url);
    for (const answer of answers) await answer(http);
    await done.catch(() => undefined);
    await settle();
    return TestBed.inject(Router).url;
  }

  afterEach(() => http.verify());

  it('sends a signed-out visitor to /login, remembering the page', async () => {
    await setUp();
    expect(await navigate('/compose', answerSetup(false))).toBe('/login?returnUrl=%2Fcompose');
  });

  it('sends /login to /setup before the first admin exists', async () => {
    await setUp();
    // /setup checks again before it opens.
    expect(await navigate('/login', answerSetup(true), answerSetup(true))).toBe('/setup');
  });

  it('shows /login when setup is done, and /setup then goes to /login', async () => {
    await setUp();
    expect(await navigate('/login', answerSetup(false))).toBe('/login');
    expect(await navigate('/setup', answerSetup(false))).toBe('/login');
  });

  it('still shows /login when the setup check fails', async () => {
    await setUp();
    const url = await navigate('/login', reply('/api/auth/setup', null, { status: 502, statusText: 'Bad Gateway' }));
    expect(url).toBe('/login');
  });

  it('lets a signed-in user in after loading the account', async () => {
    storeToken();
    await setUp();
    const url = await navigate('/compose', reply('/api/auth/me', meResponse('member')));
    expect(url).toBe('/compose');
  });

  it('keeps members out of admin pages', async () => {
    storeToken();
    await setUp();
    const url = await navigate('/settings', reply('/api/auth/me', meResponse('member')));
    expect(url).toBe('/');
  });

  it('lets admins into admin pages', async () => {
    storeToken();
    await setUp();
    const url = await navigate('/settings', reply('/api/auth/me', meResponse('admin')));
    expect(url).toBe('/settings');
  });

  it('sends a signed-in user away from /login', async () => {
    storeToken();
    await setUp();
    const url = await navigate('/login', reply('/api/auth/me', meResponse('member')));
    expect(url).toBe('/');
  });

  it('signs out when the stored token is rejected', async () => {
    storeToken('revoked');
    await setUp();
    const url = await navigate('/compose', reply('/api/auth/me', { statusCode: 401 }, { status: 401, statusText: 'Unauthorized' }),
      answerSetup(false),
    );
    expect(url.startsWith('/login')).toBe(true);
    expect(localStorage.length).toBe(0);
  });
});

function answerSetup(needsSetup: boolean) {
  return reply('/api/auth/setup', { needs_setup: needsSetup });
}

/** Waits for the guard's request to `url` (guards run asynchronously) and answers it. */
function reply(url: string, body: object | null, init?: FlushInit) {
  return async (http: HttpTestingController) => {
    await answer(http, url, body, init);
  };
}
