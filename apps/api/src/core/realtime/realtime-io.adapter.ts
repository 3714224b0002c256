import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { RepeatFilter } from '../logging/repeat-filter';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/app-config';

/** The Redis channel prefix: QUEUE_PREFIX keeps deployments (and test runs) sharing one Redis apart. */
export function realtimeChannelKey(config: Pick<AppConfig, 'redis'>): string {
  return `${config.redis.queuePrefix}:socket.io`;
}

/**
 * Socket.IO on the API's own HTTP server (Fastify included), with the portal's CORS origins. With REDIS_URL
 * set, a Redis adapter carries broadcasts between processes, so a client connected to any process gets
 * what another one emits. The two Redis connections close with the app.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: Pick<AppConfig, 'http' | 'redis'>,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      cors: { origin: this.config.http.corsOrigins.length > 0 ? this.config.http.corsOrigins : false, credentials: true },
    });
    const url = this.config.redis.url;
    if (url) {
      // Commands wait through a Redis outage instead of failing: a failed publish inside the adapter would be an unhandled rejection.
      const pub = new Redis(url, { maxRetriesPerRequest: null });
      const sub = pub.duplicate();
      // Both clients retry every few hundred ms while Redis is away: one line when it starts, a reminder now and then.
      const repeats = new RepeatFilter();
      for (const client of [pub, sub]) {
        client.on('error', (error: Error) => {
          const held = repeats.pass(error.message);
          if (held !== null) this.log.warn({ msg: 'Redis connection for Socket.IO failed', err: error.message, ...(held ? { repeated: held } : {}) });
        });
        this.clients.push(client);
      }
      server.adapter(createAdapter(pub, sub, { key: realtimeChannelKey(this.config) }));
    }
    return server;
  }

  override async dispose(): Promise<void> {
    const clients = this.clients;
    this.clients = [];
    await Promise.all(clients.map(quitOrDisconnect));
  }
}

/** Longest a QUIT may wait for Redis's answer before the socket is simply closed. */
const QUIT_WAIT_MS = 1_000;

/**
 * QUIT when Redis answers; otherwise close the socket. With Redis unreachable a QUIT waits in the offline
 * queue forever (maxRetriesPerRequest: null) and would hold the shutdown.
 */
async function quitOrDisconnect(client: Redis): Promise<void> {
  if (client.status !== 'ready') return client.disconnect();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.quit().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, QUIT_WAIT_MS)))]);
  clearTimeout(timer);
  client.disconnect();
}
