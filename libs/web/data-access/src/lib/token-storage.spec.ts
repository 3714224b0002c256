import { TestBed } from '@angular/core/testing';
import { TOKEN_STORAGE_KEY, TokenStorage } from './token-storage';

describe('TokenStorage', () => {
  let storage: TokenStorage;

  beforeEach(() => {
    localStorage.clear();
    storage = TestBed.inject(TokenStorage);
  });

  it('keeps the token with its expiry time', () => {
    storage.write('jwt-1', 3600, 1_000);
    expect(JSON.parse(localStorage.getItem(TOKEN_STORAGE_KEY) ?? '')).toEqual({
      token: 'jwt-1',
      expiresAt: 3_601_000,
    });
    expect(storage.read(2_000)).toEqual({ token: 'jwt-1', expiresAt: 3_601_000 });
  });

  it('drops an expired token', () => {
    storage.write('jwt-1', 60, 0);
    expect(storage.read(60_000)).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('drops a value it cannot parse', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'not json');
    expect(storage.read()).toBeNull();
    localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token: 42 }));
    expect(storage.read()).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});
