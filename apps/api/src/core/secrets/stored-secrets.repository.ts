import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppSetting } from './app-setting.entity';

/**
 * Secrets generated once and kept in the database (app_settings), for settings that may be left unconfigured
 * (JWT_SECRET, SECRETS_KEY): every process sharing the database agrees on them, and they survive restarts.
 */
@Injectable()
export class StoredSecretsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The value of app_settings[key], stored with `generate()` first when absent. Every process gets the same
   * value, whichever created it: the insert ignores a concurrent one and the read returns the winner.
   */
  async storedSecret(key: string, generate: () => string): Promise<string> {
    const repo = this.db.getRepository(AppSetting);
    await repo.createQueryBuilder().insert().values({ key, value: generate() }).orIgnore().execute();
    return (await repo.findOneByOrFail({ key })).value;
  }
}
