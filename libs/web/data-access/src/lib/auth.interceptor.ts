import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

/** Calls that exchange credentials: a 401 there means "wrong password", not "signed out". */
const CREDENTIAL_PATHS = ['/api/auth/login', '/api/auth/setup'];

/**
 * Adds `Authorization: Bearer <token>` to requests for this origin's /api, and signs out and
 * shows the login page when the API answers 401 to any call other than login or setup.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const path = apiPath(request.url);
  if (path === null) return next(request);

  const store = inject(AuthStore);
  const router = inject(Router);
  const isCredentialCall = CREDENTIAL_PATHS.includes(path);
  const token = isCredentialCall ? null : store.accessToken();
  const authorized = token
    ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : request;

  return next(authorized).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isCredentialCall) {
        void store.signOutAndRedirect(router.url);
      }
      return throwError(() => error);
    }),
  );
};

/** The path of a same-origin /api URL, or null for any other URL (never send the token elsewhere). */
function apiPath(url: string): string | null {
  const base = globalThis.location?.origin ?? 'http://localhost';
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return null;
  }
  if (parsed.origin !== base) return null;
  return parsed.pathname === '/api' || parsed.pathname.startsWith('/api/') ? parsed.pathname : null;
}
