import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth.store';

/** Pages behind sign-in: without a token go to /login, remembering where the user was going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  if (!store.accessToken()) {
    return router.createUrlTree(['/login'], returnUrlParams(state.url));
  }
  try {
    await store.loadSession();
    return true;
  } catch (error) {
    if (error instanceof HttpErrorResponse && error.status === 401) {
      return router.createUrlTree(['/login'], returnUrlParams(state.url));
    }
    // The API is unreachable or failing: let the shell open and explain, rather than a blank page.
    return true;
  }
};

/** Admin-only pages: members (and anyone whose account cannot be loaded) go to the dashboard. */
export const adminGuard: CanActivateFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  try {
    const session = await store.loadSession();
    return session.user.role === 'admin' ? true : router.createUrlTree(['/']);
  } catch {
    return router.createUrlTree(['/']);
  }
};

/** /login and /setup are for signed-out visitors only. */
export const guestGuard: CanActivateFn = () => {
  const store = inject(AuthStore);
  return store.accessToken() ? inject(Router).createUrlTree(['/']) : true;
};

/** /login: before the first admin exists there is nobody to sign in, so go to /setup. */
export const setupRedirectGuard: CanActivateFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  try {
    return (await store.needsSetup()) ? router.createUrlTree(['/setup']) : true;
  } catch {
    // Cannot tell: show the login form, which reports the failure when submitted.
    return true;
  }
};

/** /setup: only until it has been done once. */
export const setupGuard: CanActivateFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  try {
    return (await store.needsSetup()) ? true : router.createUrlTree(['/login']);
  } catch {
    return true;
  }
};

function returnUrlParams(url: string) {
  return url && url !== '/' ? { queryParams: { returnUrl: url } } : {};
}
