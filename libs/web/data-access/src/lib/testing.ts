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

export { nextRequest } from '@postprober/web/testing';
