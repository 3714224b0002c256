import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { MeResponseDto } from '@postprober/api-client';
import { TOKEN_STORAGE_KEY } from './token-storage';

/** Test data shaped like GET /api/auth/me. Not exported from the library. */
export function meResponse(role: 'admin' | 'member' = 'admin'): MeResponseDto {
  return {
    user: {
      id: 'u1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role,
      created_at: '2026-11-01T10:00:00.000Z',
      last_login_at: null,
    },
    organization: { id: 'o1', name: 'Acme Social' },
    principal: 'user',
  };
}

/** Puts a token in localStorage the way TokenStorage writes it. */
export function storeToken(token = 'stored-jwt', expiresAt = Date.now() + 3_600_000): void {
  localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token, expiresAt }));
}

/** Waits until a request to `url` has been made (the store's calls go through promises) and returns it. */
export async function nextRequest(http: HttpTestingController, url: string): Promise<TestRequest> {
  for (let i = 0; i < 50; i++) {
    const found = http.match(url);
    if (found.length > 1) throw new Error(`Expected one request to ${url}, found ${found.length}`);
    if (found.length === 1) return found[0];
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No request to ${url}`);
}
