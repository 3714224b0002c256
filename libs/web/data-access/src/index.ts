export * from './lib/auth.guards';
export * from './lib/auth.interceptor';
export * from './lib/auth.store';
export { TOKEN_STORAGE_KEY, TokenStorage } from './lib/token-storage';
export type { StoredToken } from './lib/token-storage';
export * from './lib/health/health-api';
export * from './lib/health/health-alerts.store';
export * from './lib/health/health-display';
export { BrowserNotifications } from './lib/health/browser-notifications';
export type { NotificationPermissionState } from './lib/health/browser-notifications';
export { HEALTH_SOCKET_CONNECTOR } from './lib/health/health-socket';
export type {
  HealthSocketConnection,
  HealthSocketConnector,
  HealthSocketHandlers,
} from './lib/health/health-socket';
