import { InjectionToken, inject } from '@angular/core';
import { ApiConfiguration } from '@postprober/api-client';
import {
  HEALTH_ALERTS_NAMESPACE,
  HealthAlert,
  HealthClientEvents,
  HealthHandshakeAuth,
  HealthServerEvents,
  HealthStatusUpdate,
} from '@postprober/shared/health-events';
import { Socket, io } from 'socket.io-client';

/** What the alerts store hears from the channel. */
export interface HealthSocketHandlers {
  connected(): void;
  disconnected(): void;
  alert(alert: HealthAlert): void;
  status(status: HealthStatusUpdate): void;
}

export interface HealthSocketConnection {
  close(): void;
}

/**
 * Opens the health alerts channel. `auth` is read on every (re)connect, so a reconnect sends the
 * current token and the last alert id seen by then, and the server replays what was missed.
 */
export type HealthSocketConnector = (
  auth: () => HealthHandshakeAuth,
  handlers: HealthSocketHandlers,
) => HealthSocketConnection;

/** The real connector: Socket.IO on this origin (the API serves the portal; `nx serve` proxies /socket.io). */
export const HEALTH_SOCKET_CONNECTOR = new InjectionToken<HealthSocketConnector>('HEALTH_SOCKET_CONNECTOR', {
  providedIn: 'root',
  factory: () => {
    const rootUrl = inject(ApiConfiguration).rootUrl;
    return (auth, handlers) => {
      const origin = rootUrl || globalThis.location.origin;
      const socket: Socket<HealthServerEvents, HealthClientEvents> = io(origin + HEALTH_ALERTS_NAMESPACE, {
        auth: (send) => send({ ...auth() }),
        transports: ['websocket'],
      });
      socket.on('connect', () => handlers.connected());
      socket.on('disconnect', (reason) => {
        handlers.disconnected();
        // The server dropped us on purpose (e.g. after a restart): socket.io does not retry that by itself.
        if (reason === 'io server disconnect') socket.connect();
      });
      socket.on('connect_error', () => handlers.disconnected());
      socket.on('health_alert', (alert) => handlers.alert(alert));
      socket.on('health_status', (status) => handlers.status(status));
      return { close: () => socket.disconnect() };
    };
  },
});
