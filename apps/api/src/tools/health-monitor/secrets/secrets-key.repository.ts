import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppSettingsRepository } from '../../../auth/app-settings.repository';

/** The generated token-encryption key kept in app_settings (when SECRETS_KEY is not configured). */
@Injectable()
export class SecretsKeyRepository {
  // Built here rather than injected: the health monitor does not import AuthModule.
  private readonly settings: AppSettingsRepository;

  constructor(@InjectDataSource() db: DataSource) {
    this.settings = new AppSettingsRepository(db);
  }

  /** app_settings[key], stored with `generate()` first if absent; every process sharing the database gets the same value. */
  storedSecret(key: string, generate: () => string): Promise<string> {
    return this.settings.storedSecret(key, generate);
  }
}
