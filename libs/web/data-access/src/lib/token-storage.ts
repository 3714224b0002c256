import { Injectable } from '@angular/core';

/** localStorage key holding the signed-in session's token. */
export const TOKEN_STORAGE_KEY = 'postprober.auth';

export interface StoredToken {
  readonly token: string;
  /** Epoch milliseconds after which the API rejects the token. */
  readonly expiresAt: number;
}

/**
 * Keeps the API's bearer JWT in localStorage.
 *
 * Why localStorage: the API authenticates with `Authorization: Bearer` (no cookie session), and
 * the token has to survive a reload and be shared by every tab; memory would lose it on reload
 * and sessionStorage would sign each new tab out. The cost is that script injected into the page
 * could read it, so: Angular escapes every binding and the portal never renders API text as HTML,
 * the API sends a restrictive Content-Security-Policy, the token is short-lived and dropped on
 * expiry, on any 401 and on sign-out. An httpOnly cookie would hide the token from script but
 * needs CSRF protection and a different API contract.
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  read(now = Date.now()): StoredToken | null {
    const raw = this.storage()?.getItem(TOKEN_STORAGE_KEY);
    if (!raw) return null;
    const parsed = parse(raw);
    if (!parsed || parsed.expiresAt <= now) {
      this.clear();
      return null;
    }
    return parsed;
  }

  write(token: string, expiresInSeconds: number, now = Date.now()): StoredToken {
    const stored: StoredToken = { token, expiresAt: now + expiresInSeconds * 1000 };
    this.storage()?.setItem(TOKEN_STORAGE_KEY, JSON.stringify(stored));
    return stored;
  }

  clear(): void {
    this.storage()?.removeItem(TOKEN_STORAGE_KEY);
  }

  private storage(): Storage | null {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      // Access throws when storage is disabled (some privacy modes): stay signed in for this page only.
      return null;
    }
  }
}

export function parse(raw: string): StoredToken | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as StoredToken).token === 'string' &&
      typeof (value as StoredToken).expiresAt === 'number'
    ) {
      return value as StoredToken;
    }
  } catch {
    // Not JSON: treat as no token.
  }
  return null;
}
