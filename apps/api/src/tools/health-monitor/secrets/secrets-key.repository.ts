import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resolveStoredSecret } from '../../../auth/jwt-secret';

/** The generated token-encryption key kept in app_settings (when SECRETS_KEY is not configured). */
@Injectable()
export class SecretsKeyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** app_settings[key], stored with `generate()` first if absent; every process sharing the database gets the same value. */
  storedSecret(key: string, generate: () => string): Promise<string> {
    return resolveStoredSecret(this.db, key, generate);
  }
}
