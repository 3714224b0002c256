import { EventEmitter } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { PGlite } from '@electric-sql/pglite';
import { Client, ClientConfig } from 'pg';
import { acquireDataDirLock, DataDirLock } from './data-dir-lock';
import { ExclusiveLease } from './exclusive-lease';
import { createDataDirInChild } from './pglite-initdb';
import { loadPglite } from './pglite-loader';

export interface PgliteDriverOptions {
  /** Folder holding `pgdata/` and `pgdata.lock` (created if missing). */
  dataDir: string;
  /** How the folder appears in messages: the DATA_DIR value as configured. */
  label?: string;
  /** How long a query waits for the single session before failing (TypeORM's connectTimeoutMS overrides). */
  acquireTimeoutMs?: number;
}

/** The subset of the `pg` module TypeORM's postgres driver uses (see PostgresDriver.createPool). */
export interface PgLikeModule {
  Pool: new (config?: { connectionTimeoutMillis?: number }) => PglitePool;
}

type ReleaseFn = (error?: unknown) => void;
type ConnectCallback = (error: Error | undefined, client?: Client, release?: ReleaseFn) => void;

interface Session {
  lite: PGlite;
  client: Client;
  lock: DataDirLock;
}

export const DEFAULT_ACQUIRE_TIMEOUT_MS = 30_000;
const logger = new Logger('Database');

/**
 * A `pg`-compatible module for TypeORM's `driver` option, backed by PGlite. Queries go through a real
 * `pg.Client` speaking the wire protocol to PGlite (its node-postgres adapter), so parameters are serialized
 * and results parsed exactly as with `pg` (INT8 and NUMERIC as strings, timestamptz as Date, json parsed).
 * PGlite has one session: the pool hands out its single client to one holder at a time.
 */
export function createPgliteDriver(options: PgliteDriverOptions): PgLikeModule {
  return {
    Pool: class extends PglitePool {
      constructor(config: { connectionTimeoutMillis?: number } = {}) {
        super(options, config.connectionTimeoutMillis);
      }
    },
  };
}

export class PglitePool extends EventEmitter {
  private session?: Promise<Session>;
  private closing?: Promise<void>;
  private readonly acquireTimeoutMs: number;
  private readonly lease: ExclusiveLease;

  constructor(
    private readonly options: PgliteDriverOptions,
    connectionTimeoutMillis?: number,
  ) {
    super();
    this.acquireTimeoutMs = connectionTimeoutMillis || options.acquireTimeoutMs || DEFAULT_ACQUIRE_TIMEOUT_MS;
    this.lease = new ExclusiveLease(
      (ms) =>
        `Timed out after ${ms} ms waiting for the embedded database: PGlite runs one query or transaction at a time ` +
        `and another one held it. A query made outside a transaction's EntityManager while that transaction is open ` +
        `waits for it forever; use the transaction's manager.`,
    );
  }

  /** pg-pool's callback form, as TypeORM calls it; without a callback, resolves to [client, release]. */
  connect(callback: ConnectCallback): void;
  connect(): Promise<[Client, ReleaseFn]>;
  connect(callback?: ConnectCallback): void | Promise<[Client, ReleaseFn]> {
    const checkout = this.checkout();
    if (!callback) return checkout;
    checkout.then(
      ([client, release]) => callback(undefined, client, release),
      (error: Error) => callback(error),
    );
  }

  /** Waits for the current holder, then closes PGlite and releases the folder lock. */
  end(callback?: (error?: Error) => void): void | Promise<void> {
    this.closing ??= this.close();
    if (!callback) return this.closing;
    this.closing.then(() => callback(), callback);
  }

  private async checkout(): Promise<[Client, ReleaseFn]> {
    if (this.closing) throw new Error('The embedded database is closed');
    const session = await this.open();
    const free = await this.lease.acquire(this.acquireTimeoutMs);
    if (session.lite.closed) {
      free();
      throw new Error('The embedded database is closed');
    }
    let released = false;
    const release: ReleaseFn = () => {
      if (released) return;
      released = true;
      void this.reset(session).finally(free);
    };
    return [session.client, release];
  }

  /** A holder that leaves a transaction open would drag every later query into it: roll it back. */
  private async reset(session: Session): Promise<void> {
    if (session.lite.closed || !session.lite.isInTransaction()) return;
    logger.warn('A connection was released inside an open transaction; rolling it back');
    await session.client.query('ROLLBACK').catch((error: Error) => this.emitError(error));
  }

  /** An 'error' event without a listener would throw; TypeORM listens, direct users may not. */
  private emitError(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
    else logger.error(`Embedded database error: ${error.message}`);
  }

  private open(): Promise<Session> {
    this.session ??= openSession(this.options, (error) => this.emitError(error)).catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  private async close(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    if (!session) return;
    // Let the current holder finish, but never hang shutdown on a stuck one.
    const free = await this.lease.acquire(this.acquireTimeoutMs).catch(() => undefined);
    try {
      await session.client.end().catch(() => undefined);
      await session.lite.close();
    } finally {
      session.lock.release();
      free?.();
    }
  }
}

async function openSession(options: PgliteDriverOptions, onError: (error: Error) => void): Promise<Session> {
  const pgdata = join(options.dataDir, 'pgdata');
  const lock = acquireDataDirLock(options.dataDir, options.label ?? options.dataDir);
  let lite: PGlite | undefined;
  try {
    const creating = !existsSync(join(pgdata, 'PG_VERSION'));
    const started = Date.now();
    if (creating) logger.log(`Creating the embedded database in ${pgdata} (first start takes a few seconds)`);
    const { PGlite, createPgConfig } = loadPglite();
    if (creating) {
      await createDataDirInChild(pgdata).catch((error: Error) => {
        logger.warn(`${error.message}; creating it in this process instead (it keeps initdb's memory until it restarts)`);
        rmSync(pgdata, { recursive: true, force: true }); // whatever the child left half made
      });
    }
    lite = await PGlite.create(pgdata);
    const client = new Client(createPgConfig(lite) as unknown as ClientConfig);
    client.on('error', onError);
    await client.connect();
    logger.log(`${creating ? 'Created' : 'Opened'} the embedded database in ${Date.now() - started} ms`);
    return { lite, client, lock };
  } catch (error) {
    await lite?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}
