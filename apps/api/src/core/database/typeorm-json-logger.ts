import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * TypeORM's messages through Nest's logger, so they come out as the same JSON lines as everything else
 * (TypeORM's own console logger writes raw text: a pool error during an outage broke "logs are JSON lines").
 * Queries are not logged; failed queries surface as errors where they are handled.
 */
export class TypeOrmJsonLogger implements Logger {
  private readonly out = new NestLogger('Database');

  logQuery(): void {
    /* not logged: too many, and they may hold personal data */
  }
  logQueryError(error: string | Error, query: string): void {
    this.out.warn({ msg: 'Query failed', err: String(error instanceof Error ? error.message : error), query: query.slice(0, 200) });
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ msg: 'Slow query', duration_ms: time, query: query.slice(0, 200) });
  }
  logSchemaBuild(message: string): void {
    this.out.debug({ msg: message });
  }
  logMigration(message: string): void {
    this.out.log({ msg: message });
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const msg = typeof message === 'string' ? message : String(message);
    if (level === 'warn') this.out.warn({ msg });
    else this.out.log({ msg });
  }
}
