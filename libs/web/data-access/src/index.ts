export * from './lib/auth.guards';
export * from './lib/auth.interceptor';
export * from './lib/auth.store';
export { TOKEN_STORAGE_KEY, TokenStorage } from './lib/token-storage';
export type { StoredToken } from './lib/token-storage';
