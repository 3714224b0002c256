import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { databaseDriverKind, DatabaseDriverKind } from './data-source-options';

export interface DatabaseHealthResult {
  ok: boolean;
  latency_ms: number;
  error?: string;
  driver: DatabaseDriverKind;
}

export const HEALTH_TIMEOUT_MS = 2_000;

/** A round trip to the database for /api/healthz; never throws. */
@Injectable()
export class DatabaseHealth {
  private readonly driver: DatabaseDriverKind;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.driver = databaseDriverKind(config);
  }

  async check(timeoutMs = HEALTH_TIMEOUT_MS): Promise<DatabaseHealthResult> {
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 10) / 10;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!this.dataSource.isInitialized) throw new Error('Database connection is not initialized');
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { ok: true, latency_ms: latency(), driver: this.driver };
    } catch (error) {
      return { ok: false, latency_ms: latency(), error: (error as Error).message, driver: this.driver };
    } finally {
      clearTimeout(timer);
    }
  }
}
