import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  HEALTH_ALERTS_NAMESPACE,
  type HealthAlert,
  type HealthClientEvents,
  type HealthHandshakeAuth,
  type HealthServerEvents,
  type HealthStatusUpdate,
} from '@postprober/shared/health-events';
import type { Namespace, Socket } from 'socket.io';
import type { AuthPrincipal } from '../../../auth/auth-principal';
import { CredentialsAuthService } from '../../../auth/credentials-auth.service';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { byAlertId, isAlertId } from './alert-id';
import { ReplayGate } from './alert-replay';
import { AlertsStore } from './alerts.store';
import { FailedHandshakes } from './failed-handshakes';

/** Between API processes (through the Redis adapter): alerts one process stored and every process delivers. */
interface AlertsPeerEvents {
  alerts_published: (organizationId: string, alerts: HealthAlert[]) => void;
}

interface AlertsSocketData {
  principal: AuthPrincipal;
  lastAlertId: string | null;
  /** When the handshake's JWT expires (ms since epoch); null for an API key. */
  expiresAt: number | null;
  /** The API key the socket signed in with, checked again periodically (null for a JWT). */
  apiKey: string | null;
}

type AlertsNamespace = Namespace<HealthClientEvents, HealthServerEvents, AlertsPeerEvents, AlertsSocketData>;
type AlertsSocket = Socket<HealthClientEvents, HealthServerEvents, AlertsPeerEvents, AlertsSocketData>;

/** Rows per replay query; a client away for long gets several pages, in order. */
const REPLAY_PAGE = 500;
/**
 * Local room of the sockets that resumed from a lastAlertId: broadcasts skip them and they get alerts one
 * by one through their ReplayGate (exactly once, never ahead of their replay).
 */
const GATED_ROOM = 'gated';

export const organizationRoom = (organizationId: string) => `org:${organizationId}`;

/**
 * How often sockets signed in with an API key are checked again: a revoked key loses its live feed within
 * this period plus the key cache's lifetime in other processes.
 */
export const API_KEY_RECHECK_MS = 60_000;
/** Refused handshakes an address may make per minute before it is refused without checking (as sign-in's 10/min). */
export const MAX_FAILED_HANDSHAKES_PER_MINUTE = 10;

/** setTimeout's limit; a token living longer than ~24 days is simply not timed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The /health-alerts namespace. The handshake is authenticated like an HTTP request (JWT or API key); each
 * socket joins its organization's room and so receives only that organization's alerts and statuses.
 * A socket signed in with a JWT is disconnected when the token expires (the client reconnects with a fresh
 * one). Emits only what AlertPublisher hands it (see SocketIoAlertPublisher).
 */
@WebSocketGateway({ namespace: HEALTH_ALERTS_NAMESPACE })
export class HealthAlertsGateway
  implements OnGatewayInit<AlertsNamespace>, OnGatewayConnection<AlertsSocket>, OnGatewayDisconnect<AlertsSocket>, OnModuleDestroy
{
  private readonly log = new Logger(HealthAlertsGateway.name);
  private recheckTimer?: NodeJS.Timeout;
  private readonly failedHandshakes = new FailedHandshakes(MAX_FAILED_HANDSHAKES_PER_MINUTE, 60_000);
  /** Resumed sockets of this process, by organization. */
  private readonly gated = new Map<string, Map<string, { socket: AlertsSocket; gate: ReplayGate }>>();

  @WebSocketServer()
  private readonly server?: AlertsNamespace;

  /** Other API processes exist only with Redis (RealtimeIoAdapter then installs the Redis adapter). */
  private readonly hasPeers: boolean;

  constructor(
    private readonly credentials: CredentialsAuthService,
    private readonly store: AlertsStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hasPeers = config.redis.url !== undefined;
  }

  afterInit(server: AlertsNamespace): void {
    // A middleware, not a check in handleConnection: a refused client gets connect_error and never connects.
    server.use((socket, next) => {
      this.admit(socket).then(
        (refusal) => next(refusal ? new Error(refusal) : undefined),
        (error: unknown) => {
          this.log.warn({ msg: 'Socket authentication failed', err: String(error) });
          next(new Error('unauthorized'));
        },
      );
    });
    server.on('alerts_published', (organizationId, alerts) => this.deliver(organizationId, alerts));
    this.recheckTimer = setInterval(() => void this.recheckApiKeys(), API_KEY_RECHECK_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.recheckTimer);
  }

  /** Disconnects this process's sockets whose API key has been revoked since they connected. */
  async recheckApiKeys(): Promise<number> {
    let dropped = 0;
    for (const socket of this.server?.sockets.values() ?? []) {
      const apiKey = socket.data.apiKey;
      if (apiKey === null || apiKey === undefined) continue;
      try {
        if (await this.credentials.authenticate({ apiKey })) continue;
      } catch (error: unknown) {
        this.log.warn({ msg: 'Could not re-check a socket API key', err: String(error) });
        continue; // a database hiccup is not a revocation
      }
      socket.disconnect(true);
      dropped++;
    }
    return dropped;
  }

  handleConnection(socket: AlertsSocket): void {
    const { principal, lastAlertId, expiresAt } = socket.data;
    const organizationId = principal.organizationId;
    if (expiresAt !== null && expiresAt - Date.now() < MAX_TIMER_MS) {
      const timer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAt - Date.now())).unref();
      socket.once('disconnect', () => clearTimeout(timer));
    }
    if (lastAlertId === null) {
      void socket.join(organizationRoom(organizationId));
      return;
    }
    // Gate first, then join: no live alert can slip past the gate once the socket is in the room.
    const gate = new ReplayGate(lastAlertId);
    let sockets = this.gated.get(organizationId);
    if (!sockets) this.gated.set(organizationId, (sockets = new Map()));
    sockets.set(socket.id, { socket, gate });
    void socket.join([organizationRoom(organizationId), GATED_ROOM]);
    this.replay(socket, gate, organizationId, lastAlertId).catch((error: unknown) => {
      // Without a complete replay the socket cannot promise exactly-once: drop it, the client reconnects.
      this.log.error({ msg: 'Failed to replay missed alerts', organization_id: organizationId, err: String(error) });
      socket.disconnect(true);
    });
  }

  handleDisconnect(socket: AlertsSocket): void {
    const organizationId = socket.data.principal?.organizationId;
    const sockets = organizationId === undefined ? undefined : this.gated.get(organizationId);
    if (!sockets?.delete(socket.id)) return;
    if (sockets.size === 0) this.gated.delete(organizationId as string);
  }

  /** Every process's clients of the organization get the alerts (this one directly, the others through the adapter). */
  publishAlerts(organizationId: string, alerts: HealthAlert[]): void {
    if (!this.server || alerts.length === 0) return;
    this.deliver(organizationId, alerts);
    if (this.hasPeers) this.server.serverSideEmit('alerts_published', organizationId, alerts);
  }

  /** Statuses need no exactly-once: a plain room broadcast (across processes with the Redis adapter). */
  publishStatus(organizationId: string, status: HealthStatusUpdate): void {
    this.server?.to(organizationRoom(organizationId)).emit('health_status', status);
  }

  /** Resolves with null to admit the socket, or the reason it is refused. */
  private async admit(socket: AlertsSocket): Promise<string | null> {
    const address = socket.handshake.address;
    if (this.failedHandshakes.blocked(address)) return 'too many failed attempts: try again in a minute';
    const auth = (socket.handshake.auth ?? {}) as { [K in keyof HealthHandshakeAuth]?: unknown };
    const found = await this.credentials.authenticate({ token: auth.token, apiKey: auth.apiKey });
    if (!found) {
      this.failedHandshakes.recordFailure(address);
      return 'unauthorized';
    }
    const lastAlertId = auth.lastAlertId ?? null;
    if (lastAlertId !== null && !isAlertId(lastAlertId)) return 'lastAlertId must be an alert id: a whole number written as a string';
    socket.data = { principal: found.principal, lastAlertId, expiresAt: found.expiresAt, apiKey: found.apiKey };
    return null;
  }

  private async replay(socket: AlertsSocket, gate: ReplayGate, organizationId: string, lastAlertId: string): Promise<void> {
    gate.clampFloor(await this.store.newestId(organizationId));
    let cursor = lastAlertId;
    for (;;) {
      const page = await this.store.after(organizationId, cursor, REPLAY_PAGE);
      if (socket.disconnected) return;
      for (const alert of gate.replayed(page)) socket.emit('health_alert', alert);
      if (page.length < REPLAY_PAGE) break;
      cursor = page[page.length - 1].id;
    }
    for (const alert of gate.finish()) socket.emit('health_alert', alert);
  }

  /**
   * This process's share of a delivery: one encoded broadcast for plain sockets, the gate for resumed ones.
   * Every client that reconnects resumes, so resumed sockets are most of them after a restart: those whose
   * gates let through the same alerts share one broadcast (one encoding) instead of an emit each.
   */
  private deliver(organizationId: string, alerts: HealthAlert[]): void {
    if (!this.server) return;
    const ordered = [...alerts].sort(byAlertId);
    const room = this.server.local.to(organizationRoom(organizationId)).except(GATED_ROOM);
    for (const alert of ordered) room.emit('health_alert', alert);
    // A gate passes the ids above its floor: a suffix of `ordered`, keyed by where it starts.
    const bySuffix = new Map<number, string[]>();
    for (const { socket, gate } of this.gated.get(organizationId)?.values() ?? []) {
      const passed = gate.live(ordered).length;
      if (passed === 0) continue;
      const start = ordered.length - passed;
      const ids = bySuffix.get(start);
      if (ids) ids.push(socket.id);
      else bySuffix.set(start, [socket.id]);
    }
    for (const [start, socketIds] of bySuffix) {
      const sockets = this.server.local.to(socketIds);
      for (const alert of ordered.slice(start)) sockets.emit('health_alert', alert);
    }
  }
}
